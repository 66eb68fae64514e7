package org.aula.events.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal service using the runtime the way Aula's services do. */
@SpringBootApplication
class RuntimeTestApplication {

    /** Keeps a roster from enrollment events; participants named ALWAYS-FAIL or FAIL-ONCE-* make it fail. */
    @Component
    static class RosterListener {

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** The trace id each participant's enrolment was handled under, as its log lines show it (MDC traceId). */
        final Map<String, String> traceIds = new ConcurrentHashMap<>();
        /** Participants named BROKEN-UNTIL-FIXED fail until a test sets this (the operator's fix). */
        volatile boolean fixed;
        private final Inbox inbox;
        private final JdbcClient jdbc;
        private final EventHandlers handlers;

        RosterListener(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
            this.handlers = EventHandlers.forConsumer("test-roster").on(ParticipantEnrolled.class, this::enrolled).build();
        }

        @KafkaListener(topics = Topics.ENROLLMENT, groupId = "${aula.test.group:runtime-test}")
        void on(ConsumerRecord<String, byte[]> record) {
            inbox.receive(record, handlers);
        }

        private void enrolled(ParticipantEnrolled event) {
            int attempt = attempts.computeIfAbsent(event.participantId(), id -> new AtomicInteger()).incrementAndGet();
            String traceId = MDC.get("traceId");
            if (traceId != null) {
                traceIds.put(event.participantId(), traceId);
            }
            jdbc.sql("insert into test_roster (cohort_id, participant_id) values (?, ?)")
                    .params(event.cohortId(), event.participantId())
                    .update();
            // Fails after its write, so the test also shows the write is rolled back with the inbox row.
            if ((event.participantName().equals("BROKEN-UNTIL-FIXED") && !fixed)
                    || event.participantName().equals("ALWAYS-FAIL")
                    || (event.participantName().startsWith("FAIL-ONCE") && attempt == 1)) {
                // The message quotes personal data, as careless exception messages do: it must not reach a dead letter.
                throw new IllegalStateException("simulated failure for " + event.participantName() + ", attempt " + attempt);
            }
        }
    }
}
