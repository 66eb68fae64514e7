package org.aula.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.aula.deploy.embedded.EmbeddedKafkaBroker;
import org.aula.deploy.embedded.EmbeddedPostgresServer;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded Kafka broker (KRaft, one node) and one embedded PostgreSQL with fsync and synchronous commit on,
 * shared by every subject of the run. Each subject gets its own database and topic, with the same partitions.
 */
final class Infrastructure implements AutoCloseable {

    /** Partitions of every benchmark topic: what Aula's services create by default. */
    static final int PARTITIONS = 3;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final Path kafkaLogDir;

    private Infrastructure(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres, Path kafkaLogDir) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.kafkaLogDir = kafkaLogDir;
    }

    static Infrastructure start(Collection<String> topics) {
        try {
            Path logDir = Files.createTempDirectory("aula-bench-kafka-");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, true);
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(logDir, 0);
            Infrastructure infrastructure = new Infrastructure(kafka, postgres, logDir);
            infrastructure.createTopics(topics);
            return infrastructure;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createTopics(Collection<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> newTopics = topics.stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList();
            admin.createTopics(newTopics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create the benchmark topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    int postgresPort() {
        return postgres.port();
    }

    String username() {
        return postgres.username();
    }

    String password() {
        return postgres.password();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            try {
                postgres.close();
            } finally {
                // The broker's log of a full run is several hundred MB in the shared temporary folder.
                deleteQuietly(kafkaLogDir);
            }
        }
    }

    static void deleteQuietly(Path folder) {
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            Benchmarks.progress("  could not delete %s: %s", folder, e);
        }
    }
}
