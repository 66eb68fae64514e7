package org.aula.certification.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.aula.certification.application.RecordCohortDates;
import org.aula.certification.application.RecordParticipation;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Participation;
import org.aula.events.CohortScheduled;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.UndecodableEventException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the donor report reads from the topics, as handlers the topics' listeners run through the
 * inbox under names of their own: from {@code session.events} each decision with its hours
 * ({@value #PARTICIPATION}), from {@code enrollment.events} each cohort's dates ({@value #COHORTS}).
 * Kept apart from the certificate's handlers so a retry redoes only what failed.
 */
@Component
class ReportFacts {

    static final String PARTICIPATION = "report-participation";
    static final String COHORTS = "report-cohorts";

    private final RecordParticipation recordParticipation;
    private final RecordCohortDates recordCohortDates;
    private final EventHandlers sessionFacts;
    private final EventHandlers enrollmentFacts;

    ReportFacts(RecordParticipation recordParticipation, RecordCohortDates recordCohortDates) {
        this.recordParticipation = recordParticipation;
        this.recordCohortDates = recordCohortDates;
        this.sessionFacts = EventHandlers.forConsumer(PARTICIPATION)
                .on(CourseCompleted.class, this::completed)
                .on(CourseNotCompleted.class, this::notCompleted)
                .on(CompletionRevised.class, this::revised)
                .build();
        this.enrollmentFacts = EventHandlers.forConsumer(COHORTS)
                .on(CohortScheduled.class, this::scheduled)
                .build();
    }

    /** The handlers for {@code session.events}. */
    EventHandlers sessionFacts() {
        return sessionFacts;
    }

    /** The handlers for {@code enrollment.events}. */
    EventHandlers enrollmentFacts() {
        return enrollmentFacts;
    }

    private void completed(CourseCompleted event) {
        // The completion carries its cohort's dates too, so the report knows them even without cohort.scheduled.
        recordCohortDates.record(event.courseCode(), cohort(EventCatalog.COURSE_COMPLETED, event.cohortId(), event.cohortCode(),
                event.startDate(), event.endDate()));
        recordParticipation.record(participation(EventCatalog.COURSE_COMPLETED, event.participantId(), event.cohortId(),
                event.cohortCode(), event.courseCode(), event.institutionCode(), CompletionDecision.Outcome.COMPLETED,
                hours(event.hoursAttendedExact(), event.hoursAttended()), event.decidedAt(), 0));
    }

    private void notCompleted(CourseNotCompleted event) {
        recordParticipation.record(participation(EventCatalog.COURSE_NOT_COMPLETED, event.participantId(), event.cohortId(),
                event.cohortCode(), event.courseCode(), event.institutionCode(), CompletionDecision.Outcome.NOT_COMPLETED,
                hours(event.hoursAttendedExact(), event.hoursAttended()), event.decidedAt(), 0));
    }

    private void revised(CompletionRevised event) {
        recordParticipation.record(participation(EventCatalog.COMPLETION_REVISED, event.participantId(), event.cohortId(),
                event.cohortCode(), event.courseCode(), event.institutionCode(),
                CourseCompletionsListener.outcomeOf(event.decision()),
                hours(event.hoursAttendedExact(), event.hoursAttended()), event.revisedAt(), event.revision()));
    }

    private void scheduled(CohortScheduled event) {
        recordCohortDates.record(text(EventCatalog.COHORT_SCHEDULED, event.courseCode()),
                cohort(EventCatalog.COHORT_SCHEDULED, event.cohortId(), event.cohortCode(), event.startDate(), event.endDate()));
    }

    /** The exact decimal when the event carries one (since 1.2), else the JSON number. */
    static BigDecimal hours(@Nullable String exact, double number) {
        try {
            return exact != null ? new BigDecimal(exact) : BigDecimal.valueOf(number);
        } catch (NumberFormatException e) {
            throw new UndecodableEventException("a decision breaks its contract: hours attended must be a number");
        }
    }

    private static Participation participation(EventCatalog type, String participantId, String cohortId, String cohortCode,
            String courseCode, String institutionCode, CompletionDecision.Outcome outcome, BigDecimal hours, Instant decidedAt,
            int revision) {
        try {
            return new Participation(new ParticipantId(participantId), new CohortId(cohortId), cohortCode, courseCode,
                    institutionCode, outcome, hours, decidedAt, revision);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + type.type() + " breaks its contract: " + e.getMessage());
        }
    }

    private static Cohort cohort(EventCatalog type, String cohortId, String cohortCode, LocalDate start,
            LocalDate end) {
        try {
            return new Cohort(new CohortId(cohortId), cohortCode, start, end);
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + type.type() + " breaks its contract: " + e.getMessage());
        }
    }

    private static String text(EventCatalog type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("data of " + type.type() + " breaks its contract: course code is required");
        }
        return value;
    }
}
