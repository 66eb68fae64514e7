package org.aula.session.messaging;

import org.aula.events.CourseCompleted;
import org.aula.events.runtime.Outbox;
import org.aula.session.application.CompletionEvents;
import org.aula.session.domain.CohortSchedule;
import org.aula.session.domain.Completion;
import org.aula.session.domain.Roster;
import org.aula.session.domain.RosterEntry;
import org.springframework.stereotype.Component;

/**
 * Writes {@code course.completed} to the outbox: the one place a completion becomes the published
 * contract, self-contained enough (course, dates, participant, figures, rule) that
 * certification-service needs no call back.
 */
@Component
class OutboxCompletionEvents implements CompletionEvents {

    private final Outbox outbox;

    OutboxCompletionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void completed(Roster roster, Completion completion) {
        outbox.append(courseCompleted(roster, completion));
    }

    static CourseCompleted courseCompleted(Roster roster, Completion completion) {
        CohortSchedule schedule = roster.schedule()
                .orElseThrow(() -> new IllegalStateException("a decided cohort has a schedule"));
        RosterEntry participant = roster.entry(completion.participantId())
                .orElseThrow(() -> new IllegalStateException("a decided participant is on the roster"));
        return new CourseCompleted(
                completion.id().toString(),
                roster.cohortId().value(),
                roster.cohortCode(),
                schedule.course().code(),
                schedule.course().title(),
                schedule.course().hours(),
                schedule.startDate(),
                schedule.endDate(),
                schedule.location(),
                participant.participantId().value(),
                participant.name(),
                participant.institutionCode(),
                completion.hoursAttended().doubleValue(),
                completion.hoursScheduled().doubleValue(),
                completion.attendanceRate().doubleValue(),
                completion.ruleVersion(),
                completion.decidedAt());
    }
}
