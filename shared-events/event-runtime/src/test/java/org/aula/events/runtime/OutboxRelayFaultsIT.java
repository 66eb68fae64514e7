package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.testsupport.EventScenario.withKey;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aula.events.CohortScheduled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The relay under faults: a record the broker refuses for good, a broker away, an Error in the relay thread. */
class OutboxRelayFaultsIT {

    @Test
    @Timeout(60)
    void aRecordRefusedForGoodIsParkedAndHoldsBackOnlyItsOwnKey() throws Exception {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_parked")) {
            KafkaTemplate<String, byte[]> smallRequests = template(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4_000));
            OutboxRelay relay = isolated.relay(smallRequests);
            Outbox outbox = isolated.outbox(relay);
            String blocked = "cohort-" + UUID.randomUUID();
            String flowing = "cohort-" + UUID.randomUUID();
            CohortScheduled tooLarge = new CohortScheduled(blocked, "BMM-2019-05", "BMM", "Best Practices", 40,
                    java.time.LocalDate.of(2019, 5, 13), java.time.LocalDate.of(2019, 5, 18), "Belmopan ".repeat(600), 25, "Graciela Incer");
            isolated.transactions.execute(status -> {
                outbox.append(tooLarge);
                outbox.append(OutboxRelayIT.filled(blocked, 1));
                outbox.append(OutboxRelayIT.scheduled(flowing));
                outbox.append(OutboxRelayIT.filled(flowing, 1));
                return null;
            });

            try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
                assertThat(relay.relayBatch()).as("the other key's two events").isEqualTo(2);
                assertThat(relay.relayBatch()).as("the refused key stays held back").isZero();

                scenario.awaitEvents(flowing, 2);
                assertThat(scenario.settled(withKey(flowing).or(withKey(blocked)))).extracting(Event::key)
                        .containsExactly(flowing, flowing);
            }
            assertThat(isolated.jdbc.sql("select park_reason from aula_messaging.outbox where parked_at is not null")
                    .query(String.class).list()).singleElement().asString().contains("RecordTooLargeException");
            assertThat(isolated.jdbc.sql("""
                    select count(*) from aula_messaging.outbox where aggregate_id = ? and published_at is null
                    """).param(blocked).query(Long.class).single()).as("neither the refused row nor the one after it left").isEqualTo(2);

            // The operator's tool: the parked row, its reason, what it holds back; skipping it lets its key flow again.
            ParkedEvents parked = new ParkedEvents(isolated.jdbc, relay);
            assertThat(parked.parked()).singleElement().satisfies(row -> {
                assertThat(row.aggregateId()).isEqualTo(blocked);
                assertThat(row.heldBack()).isEqualTo(1);
            });
            parked.release(parked.parked().get(0).seq(), "skip");
            assertThat(relay.relayBatch()).as("the held-back event").isEqualTo(1);
            assertThat(parked.parked()).isEmpty();
            relay.destroy();
            smallRequests.destroy();
        }
    }

    @Test
    void theSendTimeoutBoundsABatchWhenTheBrokerIsAway() {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_send_timeout")) {
            // A producer with Kafka's own defaults (max.block.ms 60 s, delivery.timeout.ms 120 s): only the relay's
            // send-timeout (5 s here) may bound how long it holds its transaction and lock.
            KafkaTemplate<String, byte[]> away = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), new StringSerializer(), new ByteArraySerializer()));
            OutboxRelay relay = isolated.relay(away);
            isolated.transactions.execute(status -> isolated.outbox(relay).append(OutboxRelayIT.scheduled("cohort-" + UUID.randomUUID())));

            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThatThrownBy(relay::relayBatch).hasMessageContaining("did not acknowledge"));
            assertThat(isolated.unpublished()).isEqualTo(1);
            relay.destroy();
        }
    }

    @Test
    @Timeout(60)
    void theRelayThreadSurvivesAnError() {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_relay_error")) {
            AtomicBoolean thrown = new AtomicBoolean();
            // The first statement the relay runs throws an Error, as a driver's stack overflow or a linkage problem would.
            JdbcClient failingOnce = (JdbcClient) Proxy.newProxyInstance(JdbcClient.class.getClassLoader(),
                    new Class<?>[] {JdbcClient.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sql") && thrown.compareAndSet(false, true)) {
                            throw new StackOverflowError("simulated");
                        }
                        try {
                            return method.invoke(isolated.jdbc, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            MessagingProperties properties = new MessagingProperties("/aula/runtime-test",
                    new MessagingProperties.Relay(true, 50, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofDays(7)),
                    null, null);
            KafkaTemplate<String, byte[]> kafka = template(Map.of());
            OutboxRelay relay = new OutboxRelay(failingOnce, isolated.transactions, kafka, properties, new SimpleMeterRegistry());
            relay.start();
            try {
                isolated.transactions.execute(status -> isolated.outbox(relay).append(OutboxRelayIT.scheduled("cohort-" + UUID.randomUUID())));
                await().atMost(Duration.ofSeconds(30)).until(() -> isolated.unpublished() == 0);
                assertThat(thrown).isTrue();
            } finally {
                relay.stop();
                relay.destroy();
                kafka.destroy();
            }
        }
    }

    @Test
    void housekeepingForgetsInboxEntriesPastTheirRetentionOnly() {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_inbox_retention")) {
            UUID old = UUID.randomUUID();
            UUID recent = UUID.randomUUID();
            isolated.jdbc.sql("""
                    insert into aula_messaging.processed_event (consumer, event_id, event_type, processed_at)
                    values ('c', ?, 't', now() - interval '31 days'), ('c', ?, 't', now() - interval '29 days')
                    """).params(old, recent).update();
            OutboxRelay relay = isolated.relay(null);

            relay.housekeeping();

            assertThat(isolated.jdbc.sql("select event_id from aula_messaging.processed_event").query(UUID.class).list())
                    .containsExactly(recent);
        }
    }

    private static KafkaTemplate<String, byte[]> template(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(overrides);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer()));
    }
}
