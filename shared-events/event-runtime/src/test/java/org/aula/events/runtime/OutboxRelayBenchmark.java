package org.aula.events.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.aula.deploy.embedded.EmbeddedPostgresServer;
import org.aula.events.CohortFilled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Prints how fast the outbox fills and drains on a durable PostgreSQL (fsync and synchronous
 * commit on) and a real broker, for two batch sizes in one run, and checks per-key order of what
 * arrived. Figures only, no timing assertions: run it with
 * {@code ./mvnw -q install -DskipTests && ./mvnw -pl shared-events/event-runtime verify -Pbenchmark}.
 */
class OutboxRelayBenchmark {

    private static final int WRITERS = 8;
    private static final int KEYS = 200;
    private static final int EVENTS = 20_000;

    @Test
    void fillAndDrainTheOutbox() throws Exception {
        Path dataDir = Files.createTempDirectory("aula-bench-pg");
        KafkaTemplate<String, byte[]> kafka = template();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            System.out.printf("%nOutbox relay benchmark: %d events, %d writer threads, %d keys, durable PostgreSQL, one broker%n",
                    EVENTS, WRITERS, KEYS);
            System.out.printf("%-12s %14s %14s %12s %12s%n", "batch size", "append ev/s", "drain ev/s", "received", "order errs");
            for (int batchSize : new int[] {50, 500}) {
                run(postgres, kafka, batchSize);
            }
        } finally {
            kafka.destroy();
        }
    }

    private void run(EmbeddedPostgresServer postgres, KafkaTemplate<String, byte[]> kafka, int batchSize) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(postgres.jdbcUrl("bench_" + run));
            dataSource.setUsername(postgres.username());
            dataSource.setPassword(postgres.password());
            dataSource.setMaximumPoolSize(WRITERS + 2);
            MessagingSchema.migrate(dataSource);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            OutboxRelay relay = new OutboxRelay(jdbc, transactions, kafka, new MessagingProperties("/aula/benchmark",
                    new MessagingProperties.Relay(false, batchSize, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7)),
                    null, null), new SimpleMeterRegistry());
            Outbox outbox = new Outbox(jdbc, MessagingAutoConfiguration.eventJson(), relay, Clock.systemUTC());

            long appendStart = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    // Each writer owns its keys, as an aggregate's row lock would make it.
                    for (int n = 0; n < EVENTS / WRITERS; n++) {
                        String key = run + "-" + (writer + WRITERS * (n % (KEYS / WRITERS)));
                        int sequence = n / (KEYS / WRITERS) + 1;
                        transactions.execute(status -> outbox.append(
                                new CohortFilled(key, "BENCH", "BENCH", 25, sequence, java.time.Instant.now())));
                    }
                }));
            }
            for (Future<?> future : writers) {
                future.get();
            }
            pool.shutdown();
            double appendSeconds = (System.nanoTime() - appendStart) / 1e9;

            long drainStart = System.nanoTime();
            int drained = 0;
            while (drained < EVENTS) {
                drained += relay.relayBatch();
            }
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            int[] received = new int[1];
            int violations = consumeAndCountOrderViolations(run, received);
            System.out.printf("%-12d %14.0f %14.0f %12d %12d%n", batchSize, EVENTS / appendSeconds,
                    EVENTS / drainSeconds, received[0], violations);
        }
    }

    private static int consumeAndCountOrderViolations(String run, int[] received) {
        Map<String, Integer> last = new HashMap<>();
        int violations = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        List<ConsumerRecord<String, byte[]>> records = List.of();
        try (EventScenario scenario = EventScenario.fromStart(Topics.ENROLLMENT)) {
            while (records.size() < EVENTS && System.nanoTime() < deadline) {
                records = scenario.records(record -> record.key() != null && record.key().startsWith(run));
            }
        }
        received[0] = records.size();
        for (ConsumerRecord<String, byte[]> record : records) {
            int sequence = MessagingAutoConfiguration.eventJson().readValue(record.value(), CohortFilled.class).fillNumber();
            Integer previous = last.put(record.key(), sequence);
            if (previous != null && sequence <= previous) {
                violations++;
            }
        }
        return violations;
    }

    private static KafkaTemplate<String, byte[]> template() {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
    }
}
