package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.aula.enrollment.domain.AlreadyEnrolledException;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.aula.events.runtime.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An institution nominates an official for a cohort: the official gets the next free seat
 * ({@code participant.enrolled}, and {@code cohort.filled} with the last seat) or, when every seat
 * is taken, the end of the waitlist ({@code participant.waitlisted}). Nominating the same person
 * (by e-mail address) for the same cohort again answers the enrolment they have.
 *
 * <p>Concurrency, in the order a request meets it:
 * <ol>
 * <li>Nominations of one person are serialised on the person's row: registering the participant
 *     is an upsert that locks it until commit, and the check for an existing enrolment runs after
 *     it, so a second nomination sees the first one's enrolment (and answers it) instead of racing
 *     it. The unique constraint on (cohort, participant) is the backstop: if it ever fires, the
 *     attempt rolls back (its seat claim with it) and the enrolment that won is answered. No 5xx
 *     either way.</li>
 * <li>The seat is claimed by one conditional update that also locks the cohort's row
 *     ({@link Cohorts#claimSeat}); everything after it, seat number and events included, runs
 *     under that lock.</li>
 * <li>When no seat was free, the cohort's row is locked ({@code select ... for update}) and the
 *     participant joins the waitlist, unless a withdrawal freed a seat in between, in which case
 *     the claim is made again (it cannot fail while we hold the lock).</li>
 * </ol>
 * Lock order is always participant, then cohort, so nominations cannot deadlock one another.
 */
@Service
public class EnrolParticipant {

    private static final Logger log = LoggerFactory.getLogger(EnrolParticipant.class);

    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EnrolParticipant(Cohorts cohorts, Participants participants, Enrolments enrolments, EnrollmentEvents events,
            EnrollmentMetrics metrics, PlatformTransactionManager transactionManager, Clock clock) {
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.events = events;
        this.metrics = metrics;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A nomination: who, by which institution, for which cohort. */
    public record Command(CohortId cohort, EmailAddress email, String name, InstitutionCode institution) {
    }

    /** The enrolment, and whether this request created it (false: the person was already in the cohort). */
    public record Result(Enrolment enrolment, boolean created) {
    }

    /** Enrols (or waitlists) the participant; 404 for an unknown cohort, 409 if they withdrew from it. */
    public Result enrol(Command command) {
        try {
            return inTransaction(() -> attempt(command));
        } catch (AlreadyEnrolledException raced) {
            // The attempt rolled back; the enrolment that won has committed.
            log.info("Concurrent nomination for cohort {} lost to an existing enrolment", command.cohort());
            return inTransaction(() -> existing(command).orElseThrow(() -> raced));
        }
    }

    private Result attempt(Command command) {
        // Read first so that an unknown cohort writes nothing (cohorts are never deleted).
        Cohort cohort = cohorts.find(command.cohort()).orElseThrow(() -> ApiProblem.notFound("cohort", command.cohort()));
        Instant now = clock.instant();
        Participant participant = participants.register(
                new Participant(ParticipantId.random(), command.email(), command.name(), command.institution()), now);
        Optional<Enrolment> existing = enrolments.find(cohort.id(), participant.id());
        if (existing.isPresent()) {
            return answerExisting(existing.get());
        }
        Optional<Cohort> claimed = cohorts.claimSeat(cohort.id());
        if (claimed.isEmpty()) {
            Cohort locked = cohorts.lock(cohort.id()).orElseThrow();
            if (locked.status() == CohortStatus.FULL) {
                return waitlist(locked, participant, command.institution(), now);
            }
            claimed = cohorts.claimSeat(cohort.id());
        }
        return seat(claimed.orElseThrow(() -> new IllegalStateException("seat claim failed under the cohort lock")),
                participant, command.institution(), now);
    }

    private Result seat(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
        int seatNumber = enrolments.lowestFreeSeat(cohort.id(), cohort.seats().capacity());
        Enrolment enrolment = cohort.seat(EnrolmentId.random(), participant.id(), institution, seatNumber, now);
        enrolments.add(enrolment);
        events.enrolled(cohort, enrolment, participant, false);
        metrics.enrolment(cohort, "enrolled");
        log.info("Enrolment {} in cohort {}: seat {} of {}", enrolment.id(), cohort.id(), seatNumber,
                cohort.seats().capacity());
        if (cohort.status() == CohortStatus.FULL) {
            // Only the claim that took the last seat sees the cohort full here: a claim succeeds only
            // while a seat is free.
            events.filled(cohort, now);
            metrics.filled(cohort);
            log.info("Cohort {} filled (fill {})", cohort.id(), cohort.fillNumber());
        }
        return new Result(enrolment, true);
    }

    private Result waitlist(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
        Enrolment enrolment = cohort.waitlist(EnrolmentId.random(), participant.id(), institution, now);
        enrolments.add(enrolment);
        events.waitlisted(cohort, enrolment, participant);
        metrics.enrolment(cohort, "waitlisted");
        log.info("Enrolment {} in cohort {}: waitlist position {}", enrolment.id(), cohort.id(),
                enrolment.waitlistPosition());
        return new Result(enrolment, true);
    }

    private Optional<Result> existing(Command command) {
        return participants.findByEmail(command.email())
                .flatMap(participant -> enrolments.find(command.cohort(), participant.id()))
                .map(this::answerExisting);
    }

    private Result answerExisting(Enrolment enrolment) {
        if (enrolment.isWithdrawn()) {
            // Re-enrolment after a withdrawal needs a policy (same seat? back of the line?) that this
            // slice does not have yet; refusing is honest and keeps one enrolment per participant and cohort.
            throw ApiProblem.conflict("Withdrawn from this cohort",
                    "enrolment " + enrolment.id() + " was withdrawn; re-enrolment is not supported yet");
        }
        return new Result(enrolment, false);
    }

    private Result inTransaction(Supplier<Result> work) {
        Result result = transactions.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("transaction answered nothing");
        }
        return result;
    }
}
