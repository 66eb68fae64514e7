package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.certification.certificate.revoked.v1} on {@code certification.events}, key {@code participantId}:
 * a certificate was revoked by staff, with the reason; verifiers see it in the status list.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateRevoked(
        String certificateId,
        String certificateNumber,
        String participantId,
        String courseCode,
        String cohortId,
        String cohortCode,
        String reason,
        Instant revokedAt) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
