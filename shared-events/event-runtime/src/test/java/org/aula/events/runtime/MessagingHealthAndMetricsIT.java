package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

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
}
