package org.aula.certification.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

import org.aula.certification.CertificationProperties;
import org.aula.certification.domain.AwardLocks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateCorrection;
import org.aula.certification.domain.CertificateDecisions;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.ErasedParticipants;
import org.aula.certification.domain.Validity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the one certificate a completion earns and announces it ({@code certificate.issued}) in
 * the same transaction, with the institution's new completion counts in the cohort
 * ({@code completion-counts.changed}), then awards any diploma it completes. A completion that already has its
 * certificate (the same fact delivered again, or a second completion of the same participant in
 * the same cohort) issues nothing and is not an error: facts arrive at least once. Nor does a
 * decision a revision has already superseded (see {@link CertificateCorrection}). A participant
 * erased before their completion arrives gets a certificate in the pseudonym.
 */
@Service
public class IssueCertificate {

    private static final Logger log = LoggerFactory.getLogger(IssueCertificate.class);

    private final Certificates certificates;
    private final CertificateDecisions decisions;
    private final ErasedParticipants erasedParticipants;
    private final AwardLocks locks;
    private final AwardDiplomas awardDiplomas;
    private final CertificateEvents events;
    private final CertificateMetrics metrics;
    private final Clock clock;
    private final Validity validity;
    private final String pseudonym;
    private final PublishCompletionCounts counts;

    IssueCertificate(Certificates certificates, CertificateDecisions decisions, ErasedParticipants erasedParticipants,
            AwardLocks locks, AwardDiplomas awardDiplomas, CertificateEvents events, CertificateMetrics metrics,
            Clock clock, CertificationProperties properties, PublishCompletionCounts counts) {
        this.counts = counts;
        this.certificates = certificates;
        this.decisions = decisions;
        this.erasedParticipants = erasedParticipants;
        this.locks = locks;
        this.awardDiplomas = awardDiplomas;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.validity = Validity.of(properties.credentialValidity());
        this.pseudonym = properties.erasedHolderName();
    }

    /** What became of a completion. */
    public sealed interface Outcome {
    }

    /** A new certificate was issued. */
    public record Issued(Certificate certificate) implements Outcome {
    }

    /** The completion (or its holder in its cohort) already had this certificate; nothing changed. */
    public record AlreadyIssued(Certificate certificate) implements Outcome {
    }

    /** A revision of the decision was applied before this decision arrived (a late re-send); nothing changed. */
    public record Superseded(int revision) implements Outcome {
    }

    @Transactional
    public Outcome issue(Completion completion) {
        // Programmes before participant, everywhere: see AwardLocks. The participant lock also
        // orders this issue against an erasure of the same participant.
        locks.programmesForReading();
        locks.participant(completion.holder().participantId());
        Optional<Certificate> existing = certificates.issuedFor(completion);
        if (existing.isPresent()) {
            return alreadyIssued(completion, existing.get());
        }
        OptionalInt lastApplied = decisions.lastApplied(completion.holder().participantId(), completion.cohort().id());
        if (!CertificateCorrection.firstDecisionStands(lastApplied)) {
            log.info("Completion {} not certified: revision {} of the decision was applied before", completion.id(),
                    lastApplied.getAsInt());
            return new Superseded(lastApplied.getAsInt());
        }
        Optional<Certificate> issued = issueNew(completion);
        if (issued.isEmpty()) {
            // Another delivery of the same fact committed between our look-up and our insert.
            return alreadyIssued(completion, certificates.issuedFor(completion).orElseThrow(
                    () -> new IllegalStateException("certificate of completion " + completion.id() + " vanished")));
        }
        decisions.applied(completion.id(), completion.holder().participantId(), completion.cohort().id(), 0,
                CompletionDecision.Outcome.COMPLETED, issued.get().issuedAt());
        return new Issued(issued.get());
    }

    /**
     * Issues a new certificate for the completion, announces it and awards the diplomas it
     * completes; the caller holds the programmes (shared) and participant locks and has checked
     * that no certificate stands for it.
     *
     * @return empty when a standing certificate took precedence (a concurrent duplicate)
     */
    Optional<Certificate> issueNew(Completion completion) {
        Completion madeOut = erasedParticipants.isErased(completion.holder().participantId())
                ? completion.madeOutTo(completion.holder().pseudonymised(pseudonym))
                : completion;
        // The database stores microseconds: stamp what will be read back, so the event and the API agree.
        Certificate certificate = Certificate.issue(CertificateId.random(),
                madeOut.numberWith(certificates.nextSequence()), madeOut,
                clock.instant().truncatedTo(ChronoUnit.MICROS), certificates.nextStatusListEntry(), validity);
        if (!certificates.add(certificate)) {
            return Optional.empty();
        }
        // The inserted row is locked until commit, so appending now keeps per-key order (see Outbox).
        events.issued(certificate);
        metrics.countAfterCommit(certificate);
        // Whether a completion or a revision to COMPLETED issued it: the aggregate feed's counts follow every issue.
        counts.publish(certificate.cohort().id(), certificate.holder().institutionCode());
        log.info("Issued certificate {} ({}) for completion {} of participant {} in cohort {}",
                certificate.number(), certificate.id(), completion.id(), completion.holder().participantId(),
                completion.cohort().id());
        awardDiplomas.afterIssuing(certificate);
        return Optional.of(certificate);
    }

    private static Outcome alreadyIssued(Completion completion, Certificate existing) {
        if (existing.completion().id().equals(completion.id())) {
            log.info("Completion {} already has certificate {}; nothing issued", completion.id(), existing.number());
        } else {
            log.warn("Completion {} of participant {} in cohort {} not certified: certificate {} was issued for completion {}",
                    completion.id(), completion.holder().participantId(), completion.cohort().id(),
                    existing.number(), existing.completion().id());
        }
        return new AlreadyIssued(existing);
    }
}
