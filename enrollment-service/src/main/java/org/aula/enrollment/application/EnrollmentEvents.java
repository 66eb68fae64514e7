package org.aula.enrollment.application;

import java.time.Instant;
import java.util.List;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentCounts;
import org.aula.enrollment.domain.Institution;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Programme;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.Transition;

/**
 * The events the service publishes ({@code aula.enrollment.*}), appended in the caller's transaction so they
 * commit with the change they announce (the port; {@code messaging.OutboxEnrollmentEvents} writes them to the
 * outbox). Callers hold the row lock of the aggregate an event is keyed by, so one key's events keep their
 * commit order.
 */
public interface EnrollmentEvents {

    /** {@code cohort.scheduled}. */
    void scheduled(Cohort cohort);

    /** {@code cohort.status-changed}. */
    void statusChanged(Transition transition, Instant at);

    /** {@code participant.enrolled}, seated by a nomination, an accepted offer or a promotion from the waitlist. */
    void enrolled(Cohort cohort, Enrolment enrolment, Participant participant, boolean promotedFromWaitlist);

    /** {@code participant.waitlisted}. */
    void waitlisted(Cohort cohort, Enrolment enrolment, Participant participant);

    /** {@code participant.withdrawn}. */
    void withdrawn(Cohort cohort, Enrolment.Withdrawal withdrawal);

    /** {@code cohort.filled}: the claim that took the last seat. */
    void filled(Cohort cohort, Instant at);

    /** {@code enrolment-counts.changed}: one institution's counts in a cohort. */
    void counts(Cohort cohort, InstitutionCode institution, EnrolmentCounts counts, Instant at);

    /** {@code seat.offered}. */
    void offered(SeatOffer offer, Cohort target, Cohort waitedFor, Participant participant);

    /** {@code seat.declined}: keyed by the offering cohort ({@code target}). */
    void declined(SeatOffer offer, Cohort target, Cohort waitedFor);

    /** {@code participant.erased}, naming the institutions whose partner feeds carried the participant. */
    void erased(Participant participant, Instant at, List<InstitutionCode> institutions);

    /** {@code course.defined}. */
    void courseDefined(CatalogueCourse course, Instant at);

    /** {@code programme.defined}. */
    void programmeDefined(Programme programme, Institution awarding, Instant at);
}
