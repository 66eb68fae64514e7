package org.aula.certification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Certificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdraws a certificate, with a reason, whether staff ask or a revision to NOT_COMPLETED does:
 * its status list bit is set (verifiers see REVOKED) and {@code certificate.revoked} is published in
 * the same transaction, with the institution's new completion counts in the cohort
 * ({@code completion-counts.changed}). Once only. Every diploma that relied on it falls with it
 * ({@code diploma.revoked}, same transaction); a revoked certificate no longer counts towards new
 * ones. Takes the
 * participant's lock, as issuing and awarding do, so a diploma being awarded at the same moment is
 * either awarded before the revocation (and its events come first) or not at all.
 */
@Service
public class RevokeCertificate {

    private static final Logger log = LoggerFactory.getLogger(RevokeCertificate.class);

    private final Certificates certificates;
    private final AwardLocks locks;
    private final CertificateEvents events;
    private final CertificateMetrics metrics;
    private final RevokeDiplomas revokeDiplomas;
    private final Clock clock;
    private final PublishCompletionCounts counts;

    RevokeCertificate(Certificates certificates, AwardLocks locks, CertificateEvents events, CertificateMetrics metrics,
            RevokeDiplomas revokeDiplomas, Clock clock, PublishCompletionCounts counts) {
        this.counts = counts;
        this.certificates = certificates;
        this.locks = locks;
        this.events = events;
        this.metrics = metrics;
        this.revokeDiplomas = revokeDiplomas;
        this.clock = clock;
    }

    /**
     * @return the revoked certificate
     * @throws CertificateRefused when no certificate has this number, or it was revoked before (or concurrently)
     */
    @Transactional
    public Certificate revoke(AwardNumber number, String reason) {
        Certificate standing = certificates.withNumber(number)
                .orElseThrow(() -> CertificateRefused.unknownCertificate(number.value()));
        // The holder of a number never changes, so the look-up may precede the lock. Only the
        // participant lock is needed (see AwardLocks: a diploma is decided under it); taking no
        // programmes lock keeps the order programmes-before-participant trivially.
        locks.participant(standing.holder().participantId());
        return revokeStanding(standing, reason);
    }

    /**
     * Revokes a certificate the caller found standing, under the participant's lock it holds.
     *
     * @throws CertificateRefused when it was revoked meanwhile
     */
    Certificate revokeStanding(Certificate standing, String reason) {
        // Stamped under the lock: a revocation is never dated before a diploma awarded just before it.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Certificate revoked = standing.revoke(reason, at);
        if (!certificates.recordRevocation(revoked)) {
            throw CertificateRefused.alreadyRevoked(standing.number());
        }
        // Under the participant lock every event keyed by this participant is appended in commit order.
        events.revoked(revoked);
        metrics.countRevocationAfterCommit(revoked);
        // Whether staff asked or a revision did: the aggregate feed's counts follow every revocation.
        counts.publish(revoked.cohort().id(), revoked.holder().institutionCode());
        // The reason is free text: it stays out of the log.
        log.info("Revoked certificate {} ({}) of participant {}", revoked.number(), revoked.id(), revoked.holder().participantId());
        revokeDiplomas.afterRevoking(revoked, at);
        return revoked;
    }
}
