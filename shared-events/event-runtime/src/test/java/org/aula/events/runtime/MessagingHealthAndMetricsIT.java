package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class MessagingHealthAndMetricsIT {

    @Autowired
    HealthIndicator kafkaHealthIndicator;

    @Test
    void kafkaHealthIsUpWhenTheBrokerAnswers() {
        assertThat(kafkaHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void kafkaHealthIsDownWhenNoBrokerAnswers() {
        KafkaHealthIndicator unreachable = new KafkaHealthIndicator(
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1")));
        try {
            assertThat(unreachable.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            unreachable.destroy();
        }
    }

    @Test
    void outboxGaugesShowTheBacklogAndItsAge() {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_metrics")) {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            MessagingMetrics metrics = new MessagingMetrics(isolated.jdbc, meters);
            metrics.refresh();
            assertThat(meters.get("aula.outbox.backlog").gauge().value()).isZero();
            assertThat(meters.get("aula.outbox.oldest.unpublished.age").gauge().value()).isZero();

            Outbox outbox = isolated.outbox(isolated.relay(null));
            for (int i = 0; i < 3; i++) {
                isolated.transactions.execute(status -> outbox.append(OutboxRelayIT.scheduled("cohort-" + UUID.randomUUID())));
            }
            isolated.jdbc.sql("update aula_messaging.outbox set created_at = now() - interval '90 seconds'").update();
            metrics.refresh();

            assertThat(meters.get("aula.outbox.backlog").gauge().value()).isEqualTo(3);
            assertThat(meters.get("aula.outbox.oldest.unpublished.age").gauge().value()).isGreaterThanOrEqualTo(90);
            metrics.destroy();
        }
    }

    @Test
    void outboxGaugesReadNaNAndCountTheFailureWhileTheDatabaseRefusesConnectionsThenRecover() throws SQLException {
        try (OutboxRelayIT.IsolatedOutbox isolated = new OutboxRelayIT.IsolatedOutbox("runtime_metrics_refused")) {
            isolated.dataSource.setConnectionTimeout(1_000);
            String database = isolated.dataSource.getJdbcUrl().substring(isolated.dataSource.getJdbcUrl().lastIndexOf('/') + 1);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            MessagingMetrics metrics = new MessagingMetrics(isolated.jdbc, meters);
            TestInfrastructure infrastructure = TestInfrastructure.shared();
            try (Connection admin = DriverManager.getConnection(infrastructure.jdbcUrl("postgres"),
                    infrastructure.username(), infrastructure.password())) {
                metrics.refresh();
                assertThat(meters.get("aula.outbox.backlog").gauge().value()).isZero();

                try {
                    refuseConnections(admin, database);
                    metrics.refresh();

                    assertThat(meters.get("aula.outbox.backlog").gauge().value()).as("backlog").isNaN();
                    assertThat(meters.get("aula.outbox.oldest.unpublished.age").gauge().value()).as("oldest age").isNaN();
                    assertThat(meters.get("aula.outbox.parked").gauge().value()).as("parked").isNaN();
                    assertThat(meters.get("aula.outbox.metrics.refresh.failures").counter().count()).isGreaterThanOrEqualTo(1);
                } finally {
                    execute(admin, "alter database \"" + database + "\" with allow_connections true");
                }
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    metrics.refresh();
                    assertThat(meters.get("aula.outbox.backlog").gauge().value()).as("backlog once the database answers").isZero();
                });
            } finally {
                metrics.destroy();
            }
        }
    }

    /** What a lost database looks like to the pool: open connections die, new ones are refused. */
    private static void refuseConnections(Connection admin, String database) throws SQLException {
        execute(admin, "alter database \"" + database + "\" with allow_connections false");
        execute(admin, "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
