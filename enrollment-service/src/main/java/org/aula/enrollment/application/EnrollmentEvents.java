package org.aula.enrollment.application;

import java.time.Instant;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.Participant;
import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantWaitlisted;
import org.aula.events.ParticipantWithdrawn;
import org.aula.events.runtime.Outbox;
import org.springframework.stereotype.Component;

/**
 * The one place where the domain is mapped to the published contract ({@code org.aula.events})
 * and appended to the outbox. Callers hold the cohort's row lock (a new row, the seat claim, or
 * {@code select ... for update}), so the outbox order of a cohort's events is their commit order.
 */
@Component
class EnrollmentEvents {

    private final Outbox outbox;

    EnrollmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void scheduled(Cohort cohort) {
        outbox.append(new CohortScheduled(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.course().title(), cohort.course().hours(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.seats().capacity(), cohort.facilitator()));
    }

    void enrolled(Cohort cohort, Enrolment enrolment, Participant participant, boolean promotedFromWaitlist) {
        outbox.append(new ParticipantEnrolled(enrolment.id().toString(), cohort.id().toString(), cohort.code().value(),
                cohort.course().code(), participant.id().toString(), participant.name(),
                enrolment.institution().value(), required(enrolment.seatNumber()), cohort.seats().taken(),
                cohort.seats().capacity(), promotedFromWaitlist, enrolment.changedAt()));
    }

    void waitlisted(Cohort cohort, Enrolment enrolment, Participant participant) {
        outbox.append(new ParticipantWaitlisted(enrolment.id().toString(), cohort.id().toString(),
                cohort.code().value(), cohort.course().code(), participant.id().toString(), participant.name(),
                enrolment.institution().value(), required(enrolment.waitlistPosition()), enrolment.changedAt()));
    }

    void withdrawn(Cohort cohort, Enrolment.Withdrawal withdrawal) {
        Enrolment enrolment = withdrawal.enrolment();
        outbox.append(new ParticipantWithdrawn(enrolment.id().toString(), cohort.id().toString(),
                cohort.code().value(), enrolment.participantId().toString(), enrolment.institution().value(),
                withdrawal.freedSeat(), withdrawal.reason(), enrolment.changedAt()));
    }

    void filled(Cohort cohort, Instant at) {
        outbox.append(new CohortFilled(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.seats().capacity(), cohort.fillNumber(), at));
    }

    private static int required(Integer number) {
        if (number == null) {
            throw new IllegalStateException("event needs a seat number or waitlist position");
        }
        return number;
    }
}
