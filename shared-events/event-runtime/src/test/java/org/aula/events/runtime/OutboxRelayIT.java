package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.aula.testsupport.EventScenario.withKey;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.aula.events.CloudEventHeaders;
import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class OutboxRelayIT {

    private static final JsonMapper JSON = MessagingAutoConfiguration.eventJson();

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void publishesAfterCommitAsACloudEventKeyedByItsAggregate() {
        String cohortId = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            UUID eventId = transactions.execute(status -> outbox.append(scheduled(cohortId)));

            // The poll interval is 60 s in this test: arriving well within it shows the commit woke the relay.
            List<ConsumerRecord<String, byte[]>> seen = await().atMost(Duration.ofSeconds(20)).pollInSameThread()
                    .until(() -> records(scenario.of(cohortId)), found -> !found.isEmpty());
            assertThat(records(scenario.settled(withKey(cohortId)))).hasSize(1);
            ConsumerRecord<String, byte[]> record = seen.get(0);
            assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(eventId.toString());
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("org.aula.enrollment.cohort.scheduled.v1");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/aula/runtime-test");
            assertThat(header(record, CloudEventHeaders.DATA_SCHEMA)).isEqualTo("urn:aula:schema:org.aula.enrollment.cohort.scheduled.v1");
            assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(Instant.parse(header(record, CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));
            assertThat(JSON.readValue(record.value(), CohortScheduled.class)).isEqualTo(scheduled(cohortId));
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                    .sql("select published_at is not null from aula_messaging.outbox where id = ?")
                    .param(eventId).query(Boolean.class).single());
        }
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        String cohortId = "cohort-" + UUID.randomUUID();
        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            transactions.executeWithoutResult(status -> {
                outbox.append(scheduled(cohortId));
                status.setRollbackOnly();
            });
            // A later committed event of another key is the marker that the relay has run since.
            String markerId = "cohort-" + UUID.randomUUID();
            transactions.execute(status -> outbox.append(scheduled(markerId)));

            scenario.awaitEvents(markerId, 1);
            assertThat(scenario.settled(withKey(cohortId).or(withKey(markerId)))).extracting(Event::key)
                    .contains(markerId).doesNotContain(cohortId);
            assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = ?")
                    .param(cohortId).query(Long.class).single()).isZero();
        }
    }

    @Test
    void refusesAnAppendOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(scheduled("cohort-" + UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }

    @Test
    void keepsPerKeyOrderWithConcurrentWriters() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int writers = 8;
        int keysPerWriter = 5;
        int eventsPerKey = 25;
        try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int n = 1; n <= eventsPerKey; n++) {
                        for (int k = 0; k < keysPerWriter; k++) {
                            String key = run + "-" + writer + "-" + k;
                            int sequence = n;
                            transactions.execute(status -> outbox.append(filled(key, sequence)));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();

            int expected = writers * keysPerWriter * eventsPerKey;
            List<ConsumerRecord<String, byte[]>> seen = records(scenario.awaitEvents(keyStartsWith(run), expected));
            assertThat(orderViolations(seen)).isZero();
            assertThat(seen.stream().map(record -> header(record, CloudEventHeaders.ID)).distinct().count()).isEqualTo(expected);
        }
    }

    @Test
    void marksRowsPublishedOnlyAfterTheBrokerAcknowledged() throws Exception {
        try (IsolatedOutbox isolated = new IsolatedOutbox("runtime_broker_down")) {
            String cohortId = "cohort-" + UUID.randomUUID();
            OutboxRelay unreachable = isolated.relay(unreachableBroker());
            isolated.transactions.execute(status -> isolated.outbox(unreachable).append(scheduled(cohortId)));

            assertThatThrownBy(unreachable::relayBatch).isInstanceOf(RuntimeException.class);
            assertThat(isolated.unpublished()).isEqualTo(1);

            try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
                assertThat(isolated.relay(kafka).relayBatch()).isEqualTo(1);
                assertThat(isolated.unpublished()).isZero();
                assertThat(scenario.awaitSettled(cohortId, found -> !found.isEmpty())).hasSize(1);
            }
        }
    }

    @Test
    void twoRelayReplicasOnOneDatabaseKeepPerKeyOrder() throws Exception {
        try (IsolatedOutbox isolated = new IsolatedOutbox("runtime_two_relays")) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            OutboxRelay first = isolated.relay(kafka);
            OutboxRelay second = isolated.relay(kafka);
            Outbox writer = isolated.outbox(first);
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> relays = new ArrayList<>();
            for (OutboxRelay relay : List.of(first, second)) {
                relays.add(pool.submit(() -> {
                    int sent = 0;
                    while (writing.get() || isolated.unpublished() > 0) {
                        sent += relay.relayBatch();
                    }
                    return sent;
                }));
            }
            int keys = 20;
            int eventsPerKey = 20;
            List<Future<?>> writers = new ArrayList<>();
            for (int half = 0; half < 2; half++) {
                int offset = half * keys / 2;
                writers.add(pool.submit(() -> {
                    for (int n = 1; n <= eventsPerKey; n++) {
                        for (int k = offset; k < offset + keys / 2; k++) {
                            String key = run + "-" + k;
                            int sequence = n;
                            isolated.transactions.execute(status -> writer.append(filled(key, sequence)));
                        }
                    }
                }));
            }
            for (Future<?> future : writers) {
                future.get();
            }
            writing.set(false);
            int sentByFirst = relays.get(0).get();
            int sentBySecond = relays.get(1).get();
            pool.shutdown();

            int expected = keys * eventsPerKey;
            assertThat(sentByFirst + sentBySecond).isEqualTo(expected);
            try (EventScenario scenario = EventScenario.fromStart(Topics.ENROLLMENT)) {
                scenario.awaitEvents(keyStartsWith(run), expected);
                List<ConsumerRecord<String, byte[]>> seen = records(scenario.settled(keyStartsWith(run)));
                assertThat(seen).hasSize(expected);
                assertThat(orderViolations(seen)).isZero();
            }
        }
    }

    @Test
    void redactsAnErasedParticipantsNameFromStoredPayloadsOnly() {
        try (IsolatedOutbox isolated = new IsolatedOutbox("runtime_redact")) {
            Outbox outbox = isolated.outbox(isolated.relay(kafka));
            String erased = UUID.randomUUID().toString();
            String kept = UUID.randomUUID().toString();
            isolated.transactions.execute(status -> {
                outbox.append(enrolledAs(erased, "Derrick Flowers"));
                outbox.append(enrolledAs(kept, "Andre Pollard"));
                return null;
            });

            int changed = isolated.transactions.execute(status ->
                    outbox.redact("participantId", erased, "participantName", "Erased participant"));

            assertThat(changed).isEqualTo(1);
            List<String> payloads = isolated.jdbc.sql("select payload from aula_messaging.outbox order by seq").query(String.class).list();
            assertThat(payloads.get(0)).doesNotContain("Derrick Flowers").contains("Erased participant").contains(erased);
            assertThat(payloads.get(1)).contains("Andre Pollard");
            assertThat(JSON.readValue(payloads.get(0), org.aula.events.ParticipantEnrolled.class).seatNumber()).isEqualTo(7);
        }
    }

    private static org.aula.events.ParticipantEnrolled enrolledAs(String participantId, String name) {
        return new org.aula.events.ParticipantEnrolled(UUID.randomUUID().toString(), "cohort-" + UUID.randomUUID(),
                "BMM-2019-05", "BMM", participantId, name, "MHD", 7, 7, 25, false, Instant.parse("2019-05-01T10:00:00Z"));
    }

    /** Counts records whose per-key sequence (the fill number) is not greater than the one before it. */
    private static int orderViolations(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Integer> last = new HashMap<>();
        int violations = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            int sequence = JSON.readValue(record.value(), CohortFilled.class).fillNumber();
            Integer previous = last.put(record.key(), sequence);
            if (previous != null && sequence <= previous) {
                violations++;
            }
        }
        return violations;
    }

    private static KafkaTemplate<String, byte[]> unreachableBroker() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer()));
    }

    static CohortScheduled scheduled(String cohortId) {
        return new CohortScheduled(cohortId, "BMM-2019-05", "BMM", "Best Practices in Migration Management", 40,
                LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", 25, "Graciela Incer");
    }

    static CohortFilled filled(String cohortId, int sequence) {
        return new CohortFilled(cohortId, "BMM-2019-05", "BMM", 25, sequence, Instant.parse("2019-05-01T10:00:00Z"));
    }

    private static Predicate<Event> keyStartsWith(String prefix) {
        return event -> event.key() != null && event.key().startsWith(prefix);
    }

    private static List<ConsumerRecord<String, byte[]>> records(List<Event> events) {
        return events.stream().map(Event::record).toList();
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** An outbox in a database of its own, so relays built by hand are the only ones working it. */
    static final class IsolatedOutbox implements AutoCloseable {

        final HikariDataSource dataSource = new HikariDataSource();
        final JdbcClient jdbc;
        final TransactionTemplate transactions;

        IsolatedOutbox(String database) {
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            dataSource.setJdbcUrl(infrastructure.jdbcUrl(database + "_" + UUID.randomUUID().toString().substring(0, 8)));
            dataSource.setUsername(infrastructure.username());
            dataSource.setPassword(infrastructure.password());
            dataSource.setMaximumPoolSize(8);
            MessagingSchema.migrate(dataSource);
            jdbc = JdbcClient.create(dataSource);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        }

        OutboxRelay relay(KafkaTemplate<String, byte[]> kafka) {
            MessagingProperties properties = new MessagingProperties("/aula/runtime-test",
                    new MessagingProperties.Relay(false, 50, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofDays(7)),
                    null, null);
            return new OutboxRelay(jdbc, transactions, kafka, properties, new SimpleMeterRegistry());
        }

        Outbox outbox(OutboxRelay relay) {
            return new Outbox(jdbc, JSON, relay, Clock.systemUTC());
        }

        long unpublished() {
            return jdbc.sql("select count(*) from aula_messaging.outbox where published_at is null").query(Long.class).single();
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
