package org.aula.certification.web;

import java.time.Instant;
import java.time.LocalDate;

import org.aula.certification.domain.Certificate;

/** A certificate as programme staff see it. */
record CertificateView(
        String certificateId,
        String number,
        String participantId,
        String holderName,
        String institutionCode,
        String courseCode,
        String courseTitle,
        int courseHours,
        String cohortId,
        String cohortCode,
        LocalDate startDate,
        LocalDate endDate,
        Instant issuedAt,
        String verificationUrl) {

    static CertificateView of(Certificate certificate, String verificationUrl) {
        return new CertificateView(
                certificate.id().toString(),
                certificate.number().value(),
                certificate.holder().participantId().value(),
                certificate.holder().name(),
                certificate.holder().institutionCode(),
                certificate.course().code(),
                certificate.course().title(),
                certificate.course().hours(),
                certificate.cohort().id().value(),
                certificate.cohort().code(),
                certificate.cohort().startDate(),
                certificate.cohort().endDate(),
                certificate.issuedAt(),
                verificationUrl);
    }
}
