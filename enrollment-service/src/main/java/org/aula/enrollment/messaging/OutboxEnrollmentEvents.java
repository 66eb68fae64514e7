package org.aula.enrollment.messaging;

import java.time.Instant;
import java.util.List;

import org.aula.enrollment.application.EnrollmentEvents;
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
import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.CohortStatusChanged;
import org.aula.events.CourseDefined;
import org.aula.events.EnrolmentCountsChanged;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
import org.aula.events.ParticipantWaitlisted;
import org.aula.events.ParticipantWithdrawn;
import org.aula.events.ProgrammeDefined;
import org.aula.events.SeatDeclined;
import org.aula.events.SeatOffered;
import org.aula.events.runtime.Outbox;
import org.springframework.stereotype.Component;

/**
 * The service's {@link EnrollmentEvents}: the one place where the domain is mapped to the published contract
 * ({@code org.aula.events}) and appended to the transactional outbox. Callers hold the row lock of the aggregate an event is keyed by (the
 * cohort's for cohort events, the catalogue row's for definitions, the participant's for an erasure), so
 * the outbox order of one key's events is their commit order.
 */
@Component
class OutboxEnrollmentEvents implements EnrollmentEvents {

    private final Outbox outbox;

    OutboxEnrollmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void scheduled(Cohort cohort) {
        outbox.append(new CohortScheduled(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.course().title(), cohort.course().hours(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.seats().capacity(), cohort.facilitator()));
    }

    @Override
    public void statusChanged(Transition transition, Instant at) {
        Cohort cohort = transition.cohort();
        outbox.append(new CohortStatusChanged(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                transition.from().name(), transition.to().name(), transition.reason(), at));
    }

    @Override
    public void enrolled(Cohort cohort, Enrolment enrolment, Participant participant, boolean promotedFromWaitlist) {
        outbox.append(new ParticipantEnrolled(enrolment.id().toString(), cohort.id().toString(), cohort.code().value(),
                cohort.course().code(), participant.id().toString(), participant.name(),
                enrolment.institution().value(), required(enrolment.seatNumber()), cohort.seats().taken(),
                cohort.seats().capacity(), promotedFromWaitlist, enrolment.changedAt()));
    }

    @Override
    public void waitlisted(Cohort cohort, Enrolment enrolment, Participant participant) {
        outbox.append(new ParticipantWaitlisted(enrolment.id().toString(), cohort.id().toString(),
                cohort.code().value(), cohort.course().code(), participant.id().toString(), participant.name(),
                enrolment.institution().value(), required(enrolment.waitlistPosition()), enrolment.changedAt()));
    }

    @Override
    public void withdrawn(Cohort cohort, Enrolment.Withdrawal withdrawal) {
        Enrolment enrolment = withdrawal.enrolment();
        outbox.append(new ParticipantWithdrawn(enrolment.id().toString(), cohort.id().toString(),
                cohort.code().value(), enrolment.participantId().toString(), enrolment.institution().value(),
                withdrawal.freedSeat(), withdrawal.reason(), enrolment.changedAt()));
    }

    @Override
    public void filled(Cohort cohort, Instant at) {
        outbox.append(new CohortFilled(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.seats().capacity(), cohort.fillNumber(), at));
    }

    @Override
    public void counts(Cohort cohort, InstitutionCode institution, EnrolmentCounts counts, Instant at) {
        outbox.append(new EnrolmentCountsChanged(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                institution.value(), counts.enrolled(), counts.waitlisted(), counts.withdrawn(),
                cohort.seats().capacity(), at));
    }

    @Override
    public void offered(SeatOffer offer, Cohort target, Cohort waitedFor, Participant participant) {
        outbox.append(new SeatOffered(offer.id().toString(), target.id().toString(), target.code().value(),
                waitedFor.id().toString(), waitedFor.code().value(), target.course().code(), participant.id().toString(),
                participant.name(), offer.institution().value(), offer.offeredAt(), offer.expiresAt()));
    }

    @Override
    public void declined(SeatOffer offer, Cohort target, Cohort waitedFor) {
        outbox.append(new SeatDeclined(offer.id().toString(), target.id().toString(), target.code().value(),
                waitedFor.id().toString(), waitedFor.code().value(), target.course().code(),
                offer.participantId().toString(), offer.institution().value(),
                java.util.Objects.requireNonNull(offer.declinedAt(), "declinedAt")));
    }

    @Override
    public void erased(Participant participant, Instant at, List<InstitutionCode> institutions) {
        outbox.append(new ParticipantErased(participant.id().toString(), at,
                institutions.stream().map(InstitutionCode::value).toList()));
    }

    @Override
    public void courseDefined(CatalogueCourse course, Instant at) {
        outbox.append(new CourseDefined(course.id().toString(), course.code(), course.course().title(),
                course.course().hours(), course.topics(), course.completionRuleRef(), at));
    }

    @Override
    public void programmeDefined(Programme programme, Institution awarding, Instant at) {
        outbox.append(new ProgrammeDefined(programme.id().toString(), programme.code(), programme.title(),
                awarding.name(), programme.requiredCourseCodes(), at));
    }

    private static int required(Integer number) {
        if (number == null) {
            throw new IllegalStateException("event needs a seat number or waitlist position");
        }
        return number;
    }
}
