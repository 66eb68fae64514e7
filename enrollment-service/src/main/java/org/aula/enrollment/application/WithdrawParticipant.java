package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Participants;
import org.aula.events.runtime.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff withdraw a participant from a cohort ({@code participant.withdrawn}). A freed seat goes,
 * in the same transaction, to the head of the waitlist ({@code participant.enrolled} with
 * {@code promotedFromWaitlist}); with nobody waiting the cohort is open again, and the claim that
 * fills it next publishes the next {@code cohort.filled} fill number.
 */
@Service
public class WithdrawParticipant {

    private static final Logger log = LoggerFactory.getLogger(WithdrawParticipant.class);

    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final Clock clock;
    private final String reason;

    WithdrawParticipant(Cohorts cohorts, Participants participants, Enrolments enrolments, EnrollmentEvents events,
            EnrollmentMetrics metrics, Clock clock, EnrollmentProperties properties) {
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
        this.reason = properties.withdrawalReason();
    }

    /**
     * Withdraws the enrolment and answers it; withdrawing it again answers it unchanged and publishes
     * nothing (the request is idempotent). 404 when the cohort or the enrolment (in that cohort) is unknown.
     */
    @Transactional
    public Enrolment withdraw(CohortId cohortId, EnrolmentId enrolmentId) {
        // The cohort's row lock serialises this with seat claims and other withdrawals of the cohort.
        Cohort cohort = cohorts.lock(cohortId).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        Enrolment enrolment = enrolments.find(enrolmentId)
                .filter(found -> found.cohortId().equals(cohortId))
                .orElseThrow(() -> ApiProblem.notFound("enrolment", enrolmentId));
        if (enrolment.isWithdrawn()) {
            return enrolment;
        }
        Instant now = clock.instant();
        Enrolment.Withdrawal withdrawal = enrolment.withdraw(reason, now);
        enrolments.withdraw(withdrawal);
        events.withdrawn(cohort, withdrawal);
        log.info("Enrolment {} in cohort {} withdrawn", enrolment.id(), cohortId);
        Integer freedSeat = withdrawal.freedSeat();
        Integer leftWaitlistAt = withdrawal.leftWaitlistAt();
        if (freedSeat != null) {
            metrics.withdrawal(cohort, "seat");
            giveAway(cohort, freedSeat, now);
        } else if (leftWaitlistAt != null) {
            metrics.withdrawal(cohort, "waitlist");
            enrolments.closeWaitlistGap(cohortId, leftWaitlistAt);
        }
        return withdrawal.enrolment();
    }

    private void giveAway(Cohort cohort, int freedSeat, Instant now) {
        Optional<Enrolment> head = enrolments.headOfWaitlist(cohort.id());
        if (head.isEmpty()) {
            cohorts.updateSeats(cohort.releaseSeat());
            log.info("Cohort {}: seat {} free, nobody waiting", cohort.id(), freedSeat);
            return;
        }
        Enrolment promoted = cohort.promote(head.get(), freedSeat, now);
        enrolments.update(promoted);
        enrolments.closeWaitlistGap(cohort.id(), 1);
        Participant participant = participants.find(promoted.participantId())
                .orElseThrow(() -> new IllegalStateException("enrolment " + promoted.id() + " has no participant"));
        events.enrolled(cohort, promoted, participant, true);
        metrics.enrolment(cohort, "promoted");
        log.info("Enrolment {} in cohort {}: promoted from the waitlist to seat {}", promoted.id(), cohort.id(), freedSeat);
    }
}
