package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Participants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff, or the nominating institution, withdraw a participant from a cohort ({@code participant.withdrawn}). A freed seat goes,
 * in the same transaction, to the head of the waitlist ({@code participant.enrolled} with
 * {@code promotedFromWaitlist}); with nobody waiting a FULL cohort is OPEN again
 * ({@code cohort.status-changed}), and the claim that fills it next publishes the next
 * {@code cohort.filled} fill number. Each institution whose officials moved gets its
 * {@code enrolment-counts.changed}. Withdrawals are taken while the cohort is OPEN or FULL.
 */
@Service
public class WithdrawParticipant {

    /** The reason published when the nominating institution withdraws its official. */
    public static final String BY_INSTITUTION = "withdrawn by the nominating institution";

    private static final Logger log = LoggerFactory.getLogger(WithdrawParticipant.class);

    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final CountsChanged counts;
    private final EnrollmentMetrics metrics;
    private final Clock clock;
    private final String reason;

    WithdrawParticipant(Cohorts cohorts, Participants participants, Enrolments enrolments, EnrollmentEvents events,
            CountsChanged counts, EnrollmentMetrics metrics, Clock clock, EnrollmentProperties properties) {
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.events = events;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
        this.reason = properties.withdrawalReason();
    }

    /**
     * Withdraws the enrolment and answers it; withdrawing it again answers it unchanged and publishes
     * nothing (the request is idempotent). Refused when the cohort or the enrolment (in that cohort) is unknown,
     * and when the cohort takes no withdrawals (not OPEN or FULL).
     */
    @Transactional
    public Enrolment withdraw(CohortId cohortId, EnrolmentId enrolmentId) {
        return withdraw(cohortId, enrolmentId, reason);
    }

    /**
     * The official's own institution withdraws them (its partner focal point), reason {@value #BY_INSTITUTION};
     * otherwise as {@link #withdraw(CohortId, EnrolmentId)}: the freed seat goes to the head of the waitlist.
     */
    @Transactional
    public Enrolment withdrawByInstitution(CohortId cohortId, EnrolmentId enrolmentId) {
        return withdraw(cohortId, enrolmentId, BY_INSTITUTION);
    }

    private Enrolment withdraw(CohortId cohortId, EnrolmentId enrolmentId, String reason) {
        // The cohort's row lock serialises this with seat claims and other withdrawals of the cohort.
        Cohort cohort = cohorts.lock(cohortId).orElseThrow(() -> CohortRefused.unknown(cohortId));
        Enrolment enrolment = enrolments.get(cohortId, enrolmentId);
        if (enrolment.isWithdrawn()) {
            return enrolment;
        }
        if (!cohort.status().takesNominations()) {
            throw new EnrolmentRefused(EnrolmentRefused.Reason.NOT_TAKING_WITHDRAWALS, "cohort " + cohort.code() + " is "
                    + cohort.status() + "; withdrawals are taken while it is OPEN or FULL");
        }
        Instant now = clock.instant();
        Enrolment withdrawn = withdraw(cohort, enrolment, reason, now);
        log.info("Enrolment {} in cohort {} withdrawn", enrolment.id(), cohortId);
        return withdrawn;
    }

    /**
     * Withdraws an enrolment of a cohort whose row the caller has locked and which takes withdrawals, promotes
     * the head of the waitlist into a freed seat (or releases it), and publishes the counts of the institutions
     * concerned. Also used when an official accepts a seat offered in another cohort.
     */
    Enrolment withdraw(Cohort cohort, Enrolment enrolment, String why, Instant now) {
        Enrolment.Withdrawal withdrawal = enrolment.withdraw(why, now);
        enrolments.withdraw(withdrawal);
        events.withdrawn(cohort, withdrawal);
        List<InstitutionCode> moved = new ArrayList<>(List.of(enrolment.institution()));
        Integer freedSeat = withdrawal.freedSeat();
        Integer leftWaitlistAt = withdrawal.leftWaitlistAt();
        Cohort after = cohort;
        if (freedSeat != null) {
            metrics.withdrawal(cohort, "seat");
            Optional<Enrolment> promoted = giveAway(cohort, freedSeat, now);
            if (promoted.isPresent()) {
                moved.add(promoted.get().institution());
            } else {
                Cohort.SeatRelease release = cohort.releaseSeat();
                cohorts.update(release.cohort(), now);
                release.reopened().ifPresent(reopened -> events.statusChanged(reopened, now));
                after = release.cohort();
                log.info("Cohort {}: seat {} free, nobody waiting", cohort.id(), freedSeat);
            }
        } else if (leftWaitlistAt != null) {
            metrics.withdrawal(cohort, "waitlist");
            enrolments.closeWaitlistGap(cohort.id(), leftWaitlistAt);
        }
        counts.publish(after, moved, now);
        return withdrawal.enrolment();
    }

    private Optional<Enrolment> giveAway(Cohort cohort, int freedSeat, Instant now) {
        Optional<Enrolment> head = enrolments.headOfWaitlist(cohort.id());
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Enrolment promoted = cohort.promote(head.get(), freedSeat, now);
        enrolments.update(promoted);
        enrolments.closeWaitlistGap(cohort.id(), 1);
        Participant participant = participants.find(promoted.participantId())
                .orElseThrow(() -> new IllegalStateException("enrolment " + promoted.id() + " has no participant"));
        events.enrolled(cohort, promoted, participant, true);
        metrics.enrolment(cohort, "promoted");
        log.info("Enrolment {} in cohort {}: promoted from the waitlist to seat {}", promoted.id(), cohort.id(), freedSeat);
        return Optional.of(promoted);
    }
}
