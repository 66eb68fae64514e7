package org.aula.events.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

        @KafkaListener(topics = Topics.ENROLLMENT, groupId = "${aula.test.group:runtime-test}",
                autoStartup = "${aula.test.record-listener:true}")
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

    /**
     * The same roster kept by a batch listener whose polls commit together ({@link PollTransactions}), under cohort
     * {@code batch:<cohort>}; only where a test asks for it, and started by the test. Remembers the transaction
     * each participant was applied in, and fails like {@link RosterListener} on the same names.
     */
    @Component
    @ConditionalOnProperty("aula.test.batch-listener")
    static class BatchRosterListener {

        static final String ID = "runtime-test-batch";
        static final String GROUP = "runtime-test-batch";

        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        /** The transaction (txid_current) each participant's enrolment was committed in. */
        final Map<String, Long> transactions = new ConcurrentHashMap<>();
        private final Inbox inbox;
        private final PollTransactions polls;
        private final JdbcClient jdbc;
        private final EventHandlers handlers;

        BatchRosterListener(Inbox inbox, PollTransactions polls, JdbcClient jdbc) {
            this.inbox = inbox;
            this.polls = polls;
            this.jdbc = jdbc;
            this.handlers = EventHandlers.forConsumer("test-batch-roster").on(ParticipantEnrolled.class, this::enrolled).build();
        }

        @KafkaListener(id = ID, idIsGroup = false, topics = Topics.ENROLLMENT, groupId = GROUP, batch = "true",
                autoStartup = "false")
        void on(List<ConsumerRecord<String, byte[]>> records) {
            polls.apply(ID, records, record -> inbox.receive(record, handlers));
        }

        private void enrolled(ParticipantEnrolled event) {
            int attempt = attempts.computeIfAbsent(event.participantId(), id -> new AtomicInteger()).incrementAndGet();
            jdbc.sql("insert into test_roster (cohort_id, participant_id) values (?, ?)")
                    .params("batch:" + event.cohortId(), event.participantId())
                    .update();
            transactions.put(event.participantId(), jdbc.sql("select txid_current()").query(Long.class).single());
            if (event.participantName().equals("ALWAYS-FAIL")
                    || (event.participantName().startsWith("FAIL-ONCE") && attempt == 1)) {
                throw new IllegalStateException("simulated failure for " + event.participantName() + ", attempt " + attempt);
            }
        }
    }
}
