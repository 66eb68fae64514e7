package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class InboxIT {

    private static final String SOURCE = "/aula/enrollment-service";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    RuntimeTestApplication.RosterListener listener;

    @Test
    void redeliveredEventTakesEffectOnce() {
        ParticipantEnrolled event = enrolled("Graciela Incer");
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, UUID.randomUUID(), SOURCE, Instant.now());
        double duplicatesBefore = duplicates();

        for (int delivery = 0; delivery < 3; delivery++) {
            EventScenario.publish(record);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() - duplicatesBefore == 2);
        assertThat(rosterRows(event)).isEqualTo(1);
        assertThat(listener.attempts.get(event.participantId()).get()).isEqualTo(1);
    }

    @Test
    void undecodableRecordIsDeadLetteredAtOnceAndTheConsumerGoesOn() {
        String key = "cohort-" + UUID.randomUUID();
        ParticipantEnrolled next = enrolled("Constant Pascascio");
        try (EventScenario deadLetters = EventScenario.fromEnd(Topics.deadLetterOf(Topics.ENROLLMENT))) {
            EventScenario.publish(new ProducerRecord<>(Topics.ENROLLMENT, key, "not a cloud event".getBytes(StandardCharsets.UTF_8)));
            EventScenario.publish(CloudEventRecords.of(next, UUID.randomUUID(), SOURCE, Instant.now()));

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitSettled(key, found -> !found.isEmpty())
                    .stream().map(Event::record).toList();
            assertThat(dead).hasSize(1);
            assertThat(OutboxRelayIT.header(dead.get(0), MessagingAutoConfiguration.DEAD_LETTER_REASON))
                    .contains("UndecodableEventException").contains("ce_specversion");
            await().atMost(Duration.ofSeconds(20)).until(() -> rosterRows(next) == 1);
        }
    }

    @Test
    void dataThatDoesNotFitItsTypeIsDeadLettered() {
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario deadLetters = EventScenario.fromEnd(Topics.deadLetterOf(Topics.ENROLLMENT))) {
            ProducerRecord<String, byte[]> wellFormed = CloudEventRecords.of(enrolled("x"), UUID.randomUUID(), SOURCE, Instant.now());
            EventScenario.publish(new ProducerRecord<>(Topics.ENROLLMENT, null, key,
                    "{\"seatNumber\": \"seven\"}".getBytes(StandardCharsets.UTF_8), wellFormed.headers()));

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitSettled(key, found -> !found.isEmpty())
                    .stream().map(Event::record).toList();
            assertThat(dead).hasSize(1);
            assertThat(OutboxRelayIT.header(dead.get(0), MessagingAutoConfiguration.DEAD_LETTER_REASON))
                    .contains("does not fit");
        }
    }

    @Test
    void anEventTypeOnAnotherServicesTopicIsDeadLetteredAsForged() {
        String key = "cohort-" + UUID.randomUUID();
        try (EventScenario deadLetters = EventScenario.fromEnd(Topics.deadLetterOf(Topics.ENROLLMENT))) {
            ProducerRecord<String, byte[]> genuine = CloudEventRecords.of(
                    new org.aula.events.CohortFilled(key, "BMM-2019-05", "BMM", 25, 1, Instant.now()), UUID.randomUUID(), SOURCE, Instant.now());
            genuine.headers().remove("ce_type");
            genuine.headers().add("ce_type", "org.aula.session.course.completed.v1".getBytes(StandardCharsets.UTF_8));
            EventScenario.publish(new ProducerRecord<>(Topics.ENROLLMENT, null, key, genuine.value(), genuine.headers()));

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitSettled(key, found -> !found.isEmpty())
                    .stream().map(Event::record).toList();
            assertThat(dead).hasSize(1);
            assertThat(OutboxRelayIT.header(dead.get(0), MessagingAutoConfiguration.DEAD_LETTER_REASON))
                    .contains("belongs on session.events");
        }
    }

    @Test
    void failingHandlerIsRetriedWithBackOffThenDeadLetteredOnTheSamePartition() {
        ParticipantEnrolled failing = enrolled("ALWAYS-FAIL");
        ParticipantEnrolled next = enrolled("Marisol Chan");
        double deadLettersBefore = deadLetterCount();
        try (EventScenario deadLetters = EventScenario.fromEnd(Topics.deadLetterOf(Topics.ENROLLMENT))) {
            EventScenario.publish(CloudEventRecords.of(failing, UUID.randomUUID(), SOURCE, Instant.now()));
            EventScenario.publish(CloudEventRecords.of(next, UUID.randomUUID(), SOURCE, Instant.now()));

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitSettled(failing.cohortId(), found -> !found.isEmpty())
                    .stream().map(Event::record).toList();
            assertThat(dead).hasSize(1);
            ConsumerRecord<String, byte[]> deadLetter = dead.get(0);
            int sourcePartition = java.nio.ByteBuffer.wrap(deadLetter.headers().lastHeader("kafka_dlt-original-partition").value()).getInt();
            assertThat(deadLetter.partition()).isEqualTo(sourcePartition);
            assertThat(OutboxRelayIT.header(deadLetter, MessagingAutoConfiguration.DEAD_LETTER_REASON)).isEqualTo("java.lang.IllegalStateException");
            // max-attempts is 3 in this test's configuration: the first delivery and two retries.
            assertThat(listener.attempts.get(failing.participantId()).get()).isEqualTo(3);
            assertThat(rosterRows(failing)).as("each failed attempt rolled back its write").isZero();
            await().atMost(Duration.ofSeconds(20)).until(() -> rosterRows(next) == 1);
            assertThat(deadLetterCount() - deadLettersBefore).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void transientFailureIsRetriedAndTakesEffectOnce() {
        ParticipantEnrolled flaky = enrolled("FAIL-ONCE-Ana Pop");
        EventScenario.publish(CloudEventRecords.of(flaky, UUID.randomUUID(), SOURCE, Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> rosterRows(flaky) == 1);
        assertThat(listener.attempts.get(flaky.participantId()).get()).isEqualTo(2);
    }

    private long rosterRows(ParticipantEnrolled event) {
        return jdbc.sql("select count(*) from test_roster where cohort_id = ? and participant_id = ?")
                .params(event.cohortId(), event.participantId()).query(Long.class).single();
    }

    private double duplicates() {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", "test-roster").counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetterCount() {
        return meters.find("aula.messaging.dead.letters").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static ParticipantEnrolled enrolled(String name) {
        return new ParticipantEnrolled(UUID.randomUUID().toString(), "cohort-" + UUID.randomUUID(), "BMM-2019-05", "BMM",
                UUID.randomUUID().toString(), name, "POLICE", 7, 7, 25, false, Instant.now());
    }
}
