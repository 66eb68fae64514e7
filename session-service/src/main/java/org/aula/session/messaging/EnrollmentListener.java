package org.aula.session.messaging;

import java.util.List;

import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.CourseDefined;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
import org.aula.events.ParticipantWithdrawn;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.PollTransactions;
import org.aula.events.runtime.UndecodableEventException;
import org.aula.session.application.KeepCatalogue;
import org.aula.session.application.KeepRoster;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.course.Course;
import org.aula.session.domain.course.CourseDefinition;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Enrolment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds enrollment-service's facts into {@link KeepRoster} and {@link KeepCatalogue}, once per
 * event id (the inbox) and once per fact (the roster's and catalogue's own checks). Waitlist and
 * other events are not listed, so the inbox ignores them. A fact that breaks its contract (a missing id, a course of 0 hours) cannot get better by
 * retrying: it goes to {@code enrollment.events-dlt} at once.
 */
@Component
class EnrollmentListener {

    /** The inbox scope of the roster effect; another effect of the same events gets its own name. */
    static final String CONSUMER = "session-roster";

    private final Inbox inbox;
    private final PollTransactions polls;
    private final KeepRoster keepRoster;
    private final KeepCatalogue keepCatalogue;
    private final EventHandlers handlers;

    EnrollmentListener(Inbox inbox, PollTransactions polls, KeepRoster keepRoster, KeepCatalogue keepCatalogue) {
        this.inbox = inbox;
        this.polls = polls;
        this.keepRoster = keepRoster;
        this.keepCatalogue = keepCatalogue;
        this.handlers = EventHandlers.forConsumer(CONSUMER)
                .on(CohortScheduled.class, this::scheduled)
                .on(ParticipantEnrolled.class, this::enrolled)
                .on(ParticipantWithdrawn.class, this::withdrawn)
                .on(CohortFilled.class, this::filled)
                .on(CourseDefined.class, this::courseDefined)
                .on(ParticipantErased.class, this::erased)
                .build();
    }

    /**
     * A poll's records commit together ({@link PollTransactions}): enrolments into a cohort come in a burst, and
     * {@code enrollment.events} is keyed by cohort, so they queue on one partition and one listener thread, which
     * at one commit per record fell behind the burst (issue 11). A failure is still one record's.
     */
    @KafkaListener(id = "session-roster", topics = Topics.ENROLLMENT, groupId = "session-service", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        polls.apply(CONSUMER, records, record -> inbox.receive(record, handlers));
    }

    private void scheduled(CohortScheduled event) {
        CohortSchedule schedule = mapped("cohort.scheduled", () -> new CohortSchedule(
                new Course(event.courseCode(), event.courseTitle(), event.courseHours()),
                event.startDate(), event.endDate(), event.location(), event.capacity()));
        keepRoster.schedule(cohortId(event.cohortId()), text(event.cohortCode(), "cohortCode"), schedule);
    }

    private void enrolled(ParticipantEnrolled event) {
        Enrolment enrolment = mapped("participant.enrolled", () -> new Enrolment(
                new ParticipantId(event.participantId()), event.participantName(), event.institutionCode(),
                event.seatNumber(), event.enrolledAt()));
        keepRoster.enrol(cohortId(event.cohortId()), text(event.cohortCode(), "cohortCode"),
                text(event.courseCode(), "courseCode"), enrolment);
    }

    private void withdrawn(ParticipantWithdrawn event) {
        ParticipantId participantId = mapped("participant.withdrawn", () -> new ParticipantId(event.participantId()));
        if (event.withdrawnAt() == null) {
            throw new UndecodableEventException("participant.withdrawn without withdrawnAt");
        }
        keepRoster.withdraw(cohortId(event.cohortId()), participantId, event.withdrawnAt());
    }

    private void filled(CohortFilled event) {
        if (event.fillNumber() <= 0 || event.filledAt() == null) {
            throw new UndecodableEventException("cohort.filled needs a positive fillNumber and filledAt");
        }
        keepRoster.lock(cohortId(event.cohortId()), text(event.cohortCode(), "cohortCode"),
                text(event.courseCode(), "courseCode"), event.fillNumber(), event.filledAt());
    }

    private void courseDefined(CourseDefined event) {
        if (event.definedAt() == null) {
            throw new UndecodableEventException("course.defined without definedAt");
        }
        keepCatalogue.define(mapped("course.defined", () -> new CourseDefinition(event.courseCode(), event.courseId(),
                event.title(), event.hours(), event.topics(), event.completionRuleRef(), event.definedAt())));
    }

    private void erased(ParticipantErased event) {
        ParticipantId participantId = mapped("participant.erased", () -> new ParticipantId(event.participantId()));
        if (event.erasedAt() == null) {
            throw new UndecodableEventException("participant.erased without erasedAt");
        }
        keepRoster.erase(participantId, event.erasedAt());
    }

    private static CohortId cohortId(String value) {
        return mapped("event", () -> new CohortId(value));
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("event without " + field);
        }
        return value;
    }

    /** Builds domain values from event data; data that breaks the contract makes the event undecodable. */
    private static <T> T mapped(String what, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            // Without the cause: the dead letter's reason header names the root cause, and this is it.
            throw new UndecodableEventException(what + " breaks its contract: " + e.getMessage());
        }
    }
}
