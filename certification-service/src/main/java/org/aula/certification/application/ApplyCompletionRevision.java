package org.aula.certification.application;

import java.util.Optional;
import java.util.OptionalInt;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateCorrection;
import org.aula.certification.domain.CertificateDecisions;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.CompletionRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a certificate in step with a revised completion decision ({@code completion.revised}): a
 * revision to COMPLETED issues the certificate as {@code course.completed} would (number, signature
 * status entry, {@code certificate.issued}, diplomas); one to NOT_COMPLETED revokes it with the
 * revision as the reason ({@code certificate.revoked}, and {@code diploma.revoked} for each diploma
 * that relied on it). Revisions apply once each and in the order of their numbers
 * ({@link CertificateCorrection}), so a stale or repeated one changes nothing. Everything happens in
 * one transaction under the participant's lock, which also orders this participant's events.
 */
@Service
public class ApplyCompletionRevision {

    private static final Logger log = LoggerFactory.getLogger(ApplyCompletionRevision.class);

    private final CertificateDecisions decisions;
    private final Certificates certificates;
    private final AwardLocks locks;
    private final IssueCertificate issueCertificate;
    private final RevokeCertificate revokeCertificate;

    ApplyCompletionRevision(CertificateDecisions decisions, Certificates certificates, AwardLocks locks,
            IssueCertificate issueCertificate, RevokeCertificate revokeCertificate) {
        this.decisions = decisions;
        this.certificates = certificates;
        this.locks = locks;
        this.issueCertificate = issueCertificate;
        this.revokeCertificate = revokeCertificate;
    }

    /** @return what the revision did */
    @Transactional
    public CertificateCorrection.Effect apply(CompletionRevision revision) {
        // Programmes before participant, as issuing does (see AwardLocks).
        locks.programmesForReading();
        locks.participant(revision.participantId());
        OptionalInt lastApplied = decisions.lastApplied(revision.participantId(), revision.cohortId());
        Optional<Certificate> standing = certificates.standingFor(revision.participantId(), revision.cohortId());
        CertificateCorrection.Effect effect = CertificateCorrection.of(lastApplied, revision, standing);
        if (effect instanceof CertificateCorrection.Stale stale) {
            log.info("Revision {} of completion {} not applied: revision {} was applied before", revision.number(),
                    revision.completionId(), stale.lastApplied());
            return effect;
        }
        if (effect instanceof CertificateCorrection.Issue issue) {
            Certificate issued = issueCertificate.issueNew(issue.completion()).orElseThrow(() ->
                    new IllegalStateException("a standing certificate appeared under the participant lock"));
            log.info("Revision {} of completion {} issued certificate {}", revision.number(), revision.completionId(),
                    issued.number());
        } else if (effect instanceof CertificateCorrection.Revoke revoke) {
            revokeCertificate.revokeStanding(revoke.standing(), revoke.reason());
            log.info("Revision {} of completion {} revoked certificate {}", revision.number(), revision.completionId(),
                    revoke.standing().number());
        } else if (effect instanceof CertificateCorrection.AlreadySo alreadySo && alreadySo.lacksFacts()) {
            log.warn("Revision {} of completion {} to COMPLETED issued no certificate: the event lacks the holder, "
                    + "course and dates (written before contract 1.3)", revision.number(), revision.completionId());
        } else {
            log.info("Revision {} of completion {}: the certificate already agrees", revision.number(), revision.completionId());
        }
        decisions.applied(revision.completionId(), revision.participantId(), revision.cohortId(), revision.number(),
                revision.outcome(), revision.revisedAt());
        return effect;
    }
}
