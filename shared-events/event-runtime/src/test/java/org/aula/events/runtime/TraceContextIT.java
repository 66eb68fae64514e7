package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;

/**
 * W3C trace context from the appending request, through the outbox and Kafka, into the consumer's logs.
 * The test application samples no trace (as production exports only a fraction): the ids must travel anyway.
 */
@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class TraceContextIT {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObservationRegistry observations;
    @Autowired
    Tracer tracer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeTestApplication.RosterListener roster;

    @Test
    void anEventAppendedInATracedRequestCarriesItsTraceparentAndTheConsumerContinuesTheTrace() {
        ParticipantEnrolled event = enrolled();
        String[] caller = new String[2];

        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            // As an HTTP request's server observation would: a span is current while the use case appends.
            Observation.createNotStarted("http.server.requests", observations).observe(() -> {
                caller[0] = tracer.currentSpan().context().traceId();
                caller[1] = tracer.currentSpan().context().spanId();
                transactions.executeWithoutResult(status -> outbox.append(event));
            });

            Event sent = scenario.awaitEvents(event.key(), 1).get(0);
            Header traceparent = sent.record().headers().lastHeader("traceparent");

            assertThat(traceparent).as("traceparent header").isNotNull();
            String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
            assertThat(parts).hasSize(4);
            assertThat(parts[0]).isEqualTo("00");
            assertThat(parts[1]).isEqualTo(caller[0]);
            assertThat(parts[2]).isEqualTo(caller[1]);
            // application.yml samples nothing: ids travel (and are logged) whether or not the trace is exported.
            assertThat(parts[3]).isEqualTo("00");
        }
        assertThat(jdbc.sql("select traceparent from aula_messaging.outbox where aggregate_id = ?")
                .param(event.key()).query(String.class).single()).contains(caller[0]);
        // Spring Kafka's listener observation reads the header: the consumer's log lines carry the caller's trace id.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(roster.traceIds.get(event.participantId())).isEqualTo(caller[0]));
    }

    @Test
    void anEventAppendedOutsideAnyTraceHasNoTraceparent() {
        ParticipantEnrolled event = enrolled();

        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            transactions.executeWithoutResult(status -> outbox.append(event));

            Event sent = scenario.awaitEvents(event.key(), 1).get(0);
            assertThat(sent.record().headers().lastHeader("traceparent")).isNull();
        }
    }

    private static ParticipantEnrolled enrolled() {
        return new ParticipantEnrolled(UUID.randomUUID().toString(), "cohort-" + UUID.randomUUID(), "BMM-2019-05", "BMM",
                UUID.randomUUID().toString(), "Trace Participant", "POLICE", 7, 7, 25, false, Instant.now());
    }
}
