package org.aula.certification.application;

import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.ManualIssues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff issue a certificate by hand, with a reason, for a completion the automatic flow did not
 * cover (decided before the platform, or a correction). It is issued exactly as
 * {@link IssueCertificate} issues one (number, status list entry, {@code certificate.issued},
 * diplomas it completes), and in the same transaction who issued it and why are recorded (table
 * {@code manual_issue}) and published ({@code certificate.issued-by-hand}). Refused when a
 * certificate already stands for the participant in the cohort.
 */
@Service
public class IssueCertificateByHand {

    private static final Logger log = LoggerFactory.getLogger(IssueCertificateByHand.class);

    private final IssueCertificate issueCertificate;
    private final Certificates certificates;
    private final ManualIssues manualIssues;
    private final AwardLocks locks;
    private final CertificateEvents events;

    IssueCertificateByHand(IssueCertificate issueCertificate, Certificates certificates, ManualIssues manualIssues,
            AwardLocks locks, CertificateEvents events) {
        this.issueCertificate = issueCertificate;
        this.certificates = certificates;
        this.manualIssues = manualIssues;
        this.locks = locks;
        this.events = events;
    }

    @Transactional
    public Certificate issue(Completion completion, String issuedBy, String reason) {
        locks.programmesForReading();
        locks.participant(completion.holder().participantId());
        certificates.standingFor(completion.holder().participantId(), completion.cohort().id())
                .ifPresent(existing -> {
                    throw CertificateRefused.alreadyIssued(existing.number());
                });
        Certificate issued = issueCertificate.issueNew(completion).orElseThrow(() -> CertificateRefused.alreadyIssued(
                certificates.issuedFor(completion).orElseThrow().number()));
        manualIssues.record(issued.id(), issuedBy, reason, issued.issuedAt());
        events.issuedByHand(issued, issuedBy, reason);
        log.info("Certificate {} was issued by hand by {}", issued.number(), issuedBy);
        return issued;
    }
}
