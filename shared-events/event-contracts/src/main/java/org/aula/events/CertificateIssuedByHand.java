package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.certification.certificate.issued-by-hand.v1} on {@code certification.events}, key
 * {@code participantId}: staff issued a certificate by hand, for a completion the automatic flow did not cover
 * (decided before the platform, or a correction), with the reason. The certificate's own {@code certificate.issued}
 * precedes it in the same transaction, unchanged: consumers that count certificates read only that; this one says who
 * issued it ({@code issuedBy}, the staff member's account subject) and why.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateIssuedByHand(
        String certificateId,
        String certificateNumber,
        String completionId,
        String participantId,
        String courseCode,
        String cohortId,
        String issuedBy,
        String reason,
        Instant issuedAt) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
