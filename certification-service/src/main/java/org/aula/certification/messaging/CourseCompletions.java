package org.aula.certification.messaging;

import org.aula.certification.application.IssueCertificate;
import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.UndecodableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns each {@code course.completed} on {@code session.events} into a certificate. The inbox
 * skips an event id seen before; {@link IssueCertificate} skips a completion certified before
 * under another event id. Other session facts are ignored.
 */
@Component
class CourseCompletions {

    /** Scopes this consumer's rows in the inbox (and its duplicate counter). */
    static final String CONSUMER = "certificate-issuer";
    static final String GROUP = "certification-service";

    private final Inbox inbox;
    private final IssueCertificate issueCertificate;
    private final EventHandlers handlers = EventHandlers.forConsumer(CONSUMER)
            .on(CourseCompleted.class, this::completed)
            .build();

    CourseCompletions(Inbox inbox, IssueCertificate issueCertificate) {
        this.inbox = inbox;
        this.issueCertificate = issueCertificate;
    }

    @KafkaListener(topics = Topics.SESSION, groupId = GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    private void completed(CourseCompleted event) {
        issueCertificate.issue(completionOf(event));
    }

    /**
     * The completion a {@code course.completed} describes. Data that decodes but breaks the
     * contract (a blank name, no hours, dates out of order) cannot be fixed by retrying, so it is
     * undecodable: straight to the dead-letter topic with the reason.
     */
    static Completion completionOf(CourseCompleted event) {
        try {
            return new Completion(
                    new CompletionId(event.completionId()),
                    new Holder(new ParticipantId(event.participantId()), event.participantName(), event.institutionCode()),
                    new Course(event.courseCode(), event.courseTitle(), event.courseHours()),
                    new Cohort(new CohortId(event.cohortId()), event.cohortCode(), event.startDate(), event.endDate()),
                    event.decidedAt());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data of " + EventCatalog.COURSE_COMPLETED.type()
                    + " breaks its contract: " + e.getMessage());
        }
    }
}
