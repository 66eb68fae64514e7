package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.certification.diploma.revoked.v1} on {@code certification.events}, key {@code participantId}:
 * a diploma was revoked because a certificate it relied on ({@code certificateNumber}) was revoked, with the reason.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiplomaRevoked(
        String diplomaId,
        String diplomaNumber,
        String programmeCode,
        String participantId,
        String certificateNumber,
        String reason,
        Instant revokedAt) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
