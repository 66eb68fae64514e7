package org.aula.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedInfrastructureIT {

    private static final String TOPIC = "aula.it.greetings";

    private Path workDir;

    @BeforeEach
    void createWorkDir() throws IOException {
        workDir = Files.createTempDirectory("aula-infra-it-");
    }

    @AfterEach
    void deleteWorkDir() throws IOException {
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void brokerDeliversRecordsAndKeepsThemAcrossRestart() throws Exception {
        Path logDir = workDir.resolve("kafka");
        RecordMetadata sent;
        long started = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0)) {
            log("Kafka first start", started);
            sent = produce(broker, "cohort-1", "hello");
            // Consuming through a group also proves the offsets topic works with one replica.
            assertThat(consumeAll(broker, "first-reader")).containsExactly("cohort-1=hello");
        }

        started = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, 0)) {
            log("Kafka restart", started);
            assertThat(consumeAll(broker, "second-reader")).containsExactly("cohort-1=hello");
            RecordMetadata next = produce(broker, "cohort-1", "again");
            assertThat(next.partition()).isEqualTo(sent.partition());
            assertThat(next.offset()).isEqualTo(sent.offset() + 1);
        }
    }

    @Test
    void durablePostgresKeepsTablesAcrossRestart() throws Exception {
        Path dataDir = workDir.resolve("pg");
        long started = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            log("PostgreSQL first start (initdb)", started);
            String url = postgres.jdbcUrl("aula_it");
            assertThat(postgres.jdbcUrl("aula_it")).isEqualTo(url);
            try (Connection connection = connect(postgres, url); Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SHOW fsync")).isEqualTo("on");
                assertThat(single(sql, "SHOW synchronous_commit")).isEqualTo("on");
                assertThat(single(sql, "SELECT current_database()")).isEqualTo("aula_it");
                sql.execute("CREATE TABLE cohort (code text PRIMARY KEY, capacity int NOT NULL)");
                sql.execute("INSERT INTO cohort VALUES ('JAVA-1', 20)");
            }
        }

        started = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir, 0, true)) {
            log("PostgreSQL restart", started);
            try (Connection connection = connect(postgres, postgres.jdbcUrl("aula_it"));
                    Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SELECT code || ':' || capacity FROM cohort")).isEqualTo("JAVA-1:20");
            }
        }
    }

    @Test
    void throwawayPostgresCreatesDatabasesConcurrently() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, false)) {
            log("PostgreSQL throwaway start", started);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> urls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<String> create = () -> postgres.jdbcUrl("shared-db");
                    urls.add(pool.submit(create));
                }
                for (Future<String> url : urls) {
                    assertThat(url.get()).endsWith(":" + postgres.port() + "/shared-db");
                }
            } finally {
                pool.shutdown();
            }
            try (Connection connection = connect(postgres, postgres.jdbcUrl("shared-db"));
                    Statement sql = connection.createStatement()) {
                assertThat(single(sql, "SHOW fsync")).isEqualTo("off");
                assertThat(single(sql, "SELECT count(*) FROM pg_database WHERE datname = 'shared-db'")).isEqualTo("1");
            }
        }
    }

    private static RecordMetadata produce(EmbeddedKafkaBroker broker, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            return producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads from the beginning until a poll comes back empty after at least one record. */
    private static List<String> consumeAll(EmbeddedKafkaBroker broker, String group) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty() && !seen.isEmpty()) {
                    break;
                }
                for (ConsumerRecord<String, String> record : records) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
            consumer.commitSync();
        }
        return seen;
    }

    private static Connection connect(EmbeddedPostgresServer postgres, String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.username(), postgres.password());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            assertThat(rs.next()).as("a row from %s", query).isTrue();
            String value = rs.getString(1);
            assertThat(rs.next()).as("only one row from %s", query).isFalse();
            return value;
        }
    }

    private static void log(String what, long startedNanos) {
        System.out.printf("%s took %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
