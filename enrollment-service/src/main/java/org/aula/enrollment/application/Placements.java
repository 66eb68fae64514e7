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
 * Places an official in a cohort whose row the caller has locked: in the next free seat, or at the end
 * of the waitlist. Shared by nominations and accepted seat offers, so both claim seats the same way.
 */
@Component
class Placements {

    private static final Logger log = LoggerFactory.getLogger(Placements.class);

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;

    Placements(Cohorts cohorts, Enrolments enrolments, EnrollmentEvents events, EnrollmentMetrics metrics) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.events = events;
        this.metrics = metrics;
    }

    /** The cohort after placing someone, and their enrolment. */
    record Placed(Cohort cohort, Enrolment enrolment) {
    }

    /**
     * Claims a seat of an OPEN cohort and seats the official in the lowest free seat number:
     * {@code participant.enrolled}; the last seat also publishes {@code cohort.filled} and {@code cohort.status-changed}.
     */
    Placed seat(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
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
        return new Placed(claimed, enrolment);
    }

    /** Puts the official at the end of a FULL cohort's waitlist: {@code participant.waitlisted}. */
    Placed waitlist(Cohort cohort, Participant participant, InstitutionCode institution, Instant now) {
        Cohort.Waitlisting waitlisting = cohort.waitlist(EnrolmentId.random(), participant.id(), institution, now);
        Enrolment enrolment = waitlisting.enrolment();
        enrolments.add(enrolment);
        events.waitlisted(waitlisting.cohort(), enrolment, participant);
        metrics.enrolment(cohort, "waitlisted");
        log.info("Enrolment {} in cohort {}: waitlist position {}", enrolment.id(), cohort.id(),
                enrolment.waitlistPosition());
        return new Placed(waitlisting.cohort(), enrolment);
    }
}
