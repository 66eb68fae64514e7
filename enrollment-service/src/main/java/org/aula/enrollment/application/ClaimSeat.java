package org.aula.enrollment.application;

import java.time.Instant;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a seat is taken: the one way nominations ({@link EnrolParticipant}) and accepted seat offers
 * ({@link AcceptSeatOffer}) seat an official in an OPEN cohort.
 *
 * <ol>
 * <li>The aggregate decides: {@link Cohort#claimSeat()} refuses a cohort that is not OPEN, counts the seat, and
 *     when it is the last one makes the cohort FULL and counts a fill.</li>
 * <li>The store applies the same with one conditional update ({@link Cohorts#claimSeat}) that can never take more
 *     seats than there are (and a CHECK constraint backs it).</li>
 * <li>The official gets the lowest seat number nobody holds ({@link Enrolments#lowestFreeSeat}; a unique index
 *     allows one holder per seat), then {@code participant.enrolled}; the claim that took the last seat alone
 *     publishes {@code cohort.filled} and the OPEN -> FULL {@code cohort.status-changed}, so one per fill.</li>
 * </ol>
 *
 * <p>Lock order, the service's one order (issue 9): the caller has locked the cohort's row
 * ({@link Cohorts#lock}) before the participant's row (the nominee's upsert, or {@code Participants#lock} when
 * an offer is accepted), and where a path holds two cohorts it locked them by id ascending. Every decision here
 * is made on the snapshot read under the cohort's lock, so it is the truth until commit; claims of one cohort
 * run one after the other.
 */
@Component
class ClaimSeat {

    private static final Logger log = LoggerFactory.getLogger(ClaimSeat.class);

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;

    ClaimSeat(Cohorts cohorts, Enrolments enrolments, EnrollmentEvents events, EnrollmentMetrics metrics) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.events = events;
        this.metrics = metrics;
    }

    /** The cohort after the seat was taken, and the official's enrolment in it. */
    record Seated(Cohort cohort, Enrolment enrolment) {
    }

    /** Seats the official in the lowest free seat of a cohort whose row the caller has locked (see above). */
    Seated claim(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
        Cohort.SeatClaim claim = cohort.claimSeat();
        cohorts.claimSeat(claim);
        Cohort claimed = claim.cohort();
        int seatNumber = enrolments.lowestFreeSeat(claimed.id(), claimed.seats().capacity());
        Enrolment enrolment = claimed.seat(EnrolmentId.random(), participant.id(), institution, seatNumber, now);
        enrolments.add(enrolment);
        events.enrolled(claimed, enrolment, participant, false);
        metrics.enrolment(claimed, "enrolled");
        log.info("Enrolment {} in cohort {}: seat {} of {}", enrolment.id(), claimed.id(), seatNumber,
                claimed.seats().capacity());
        claim.filled().ifPresent(full -> {
            // Only the claim that takes the last seat makes the cohort FULL: one cohort.filled per fill.
            events.filled(claimed, now);
            events.statusChanged(full, now);
            metrics.filled(claimed);
            log.info("Cohort {} filled (fill {})", claimed.id(), claimed.fillNumber());
        });
        return new Seated(claimed, enrolment);
    }
}
