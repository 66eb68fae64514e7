package org.aula.reliability.consumer.app;

import org.aula.events.CohortFilled;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.aula.events.runtime.RefusedEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies each {@link CohortFilled} of this run once, through the inbox: one {@code fill_effect} row.
 * Records of other runs (other tests share the topic) are passed over before the inbox sees them.
 */
@Component
public class FillListener {

    /** The listener container's id in the registry. */
    public static final String ID = "fills";
    /** The inbox's consumer name (the {@code aula.inbox.duplicates} tag). */
    public static final String CONSUMER = "reliability-fills";

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final ListenerCrashes crashes;
    private final String run;
    private final EventHandlers handlers;

    FillListener(Inbox inbox, JdbcClient jdbc, ListenerCrashes crashes, @Value("${fills.run}") String run) {
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.crashes = crashes;
        this.run = run;
        this.handlers = EventHandlers.forConsumer(CONSUMER).on(CohortFilled.class, this::filled).build();
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ENROLLMENT)
    void on(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !record.key().startsWith(run)) {
            return;
        }
        if (inbox.receive(record, handlers) == Inbox.Outcome.APPLIED) {
            // The inbox transaction has committed; the offset has not.
            crashes.afterCommit();
        }
    }

    private void filled(CohortFilled event) {
        boolean known = jdbc.sql("select exists (select 1 from known_course where code = ?)")
                .param(event.courseCode()).query(Boolean.class).single();
        if (!known) {
            throw new UnknownCourseException(event.courseCode());
        }
        jdbc.sql("insert into fill_effect (cohort_id, fill_number) values (?, ?)")
                .params(event.cohortId(), event.fillNumber())
                .update();
    }

    /** A deterministic refusal: the fill names a course this service has no record of. */
    static final class UnknownCourseException extends RefusedEventException {

        UnknownCourseException(String course) {
            super("course " + course + " is unknown to this service");
        }
    }
}
