package org.aula.certification.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateAlreadyRevoked;
import org.aula.certification.domain.CertificateNumber;
import org.aula.certification.domain.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff withdraw a certificate, with a reason: its status list bit is set (verifiers see REVOKED)
 * and {@code certificate.revoked} is published in the same transaction. Once only. Diplomas
 * already awarded stay; a revoked certificate no longer counts towards new ones.
 */
@Service
public class RevokeCertificate {

    private static final Logger log = LoggerFactory.getLogger(RevokeCertificate.class);

    private final Certificates certificates;
    private final CertificateEvents events;
    private final CertificateMetrics metrics;
    private final Clock clock;

    RevokeCertificate(Certificates certificates, CertificateEvents events, CertificateMetrics metrics, Clock clock) {
        this.certificates = certificates;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @return the revoked certificate; empty when no certificate has this number
     * @throws CertificateAlreadyRevoked when it was revoked before (or concurrently)
     */
    @Transactional
    public Optional<Certificate> revoke(CertificateNumber number, String reason) {
        Optional<Certificate> standing = certificates.withNumber(number);
        if (standing.isEmpty()) {
            return Optional.empty();
        }
        Certificate revoked = standing.get().revoke(reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!certificates.recordRevocation(revoked)) {
            throw new CertificateAlreadyRevoked(number);
        }
        // recordRevocation locked the row: appending now keeps the participant's events in order.
        events.revoked(revoked);
        metrics.countRevocationAfterCommit(revoked);
        // The reason is free text staff wrote: it stays out of the log.
        log.info("Revoked certificate {} ({}) of participant {}", number, revoked.id(), revoked.holder().participantId());
        return Optional.of(revoked);
    }
}
