package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code org.aula.certification.certificate.issued.v1} on {@code certification.events}, key
 * {@code participantId}: a certificate was issued for one completion; {@code verificationUrl} is
 * where anyone can check it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CertificateIssued(
        String certificateId,
        String certificateNumber,
        String completionId,
        String participantId,
        String participantName,
        String institutionCode,
        String courseCode,
        String courseTitle,
        int courseHours,
        String cohortId,
        String cohortCode,
        LocalDate startDate,
        LocalDate endDate,
        Instant issuedAt,
        String verificationUrl) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
