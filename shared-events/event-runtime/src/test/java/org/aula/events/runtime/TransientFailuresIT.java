package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A consumer's database refuses writes for a while, as a PostgreSQL failover does ("cannot execute INSERT in a
 * read-only transaction", SQLSTATE 25006): the records wait, nothing is dead-lettered, every effect arrives once
 * afterwards, and the stall is visible while it lasts. Its own database and consumer group, so the fault touches
 * no other test.
 */
@SpringBootTest(properties = {"aula.test.database=runtime_transient", "aula.test.group=runtime-transient",
        "aula.messaging.topics.create=true"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class TransientFailuresIT {

    private static final String DATABASE = "runtime_transient";
    private static final String GROUP = "runtime-transient";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DeadLetters deadLetters;

    @Test
    @Timeout(120)
    void aReadOnlyDatabaseDelaysEffectsButDeadLettersNothing() throws Exception {
        String cohort = "cohort-" + UUID.randomUUID();
        List<String> participants = new ArrayList<>();
        try {
            sendEnrolments(cohort, 5, participants);
            await().atMost(Duration.ofSeconds(30)).until(() -> rows(cohort) == 5);

            readOnly(true);
            sendEnrolments(cohort, 20, participants);
            // For 6 s nothing is applied (nor dead-lettered: checked below), and the stall shows on the gauge.
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rows(cohort) <= 5);
            assertThat(stalled()).as("the stall is visible while it lasts").isGreaterThan(1.0);
            readOnly(false);

            sendEnrolments(cohort, 5, participants);
            await().atMost(Duration.ofSeconds(60)).until(() -> rows(cohort) == participants.size());
        } finally {
            readOnly(false);
        }
        // Only this test's records: the group starts from the topic's beginning, where other tests left poison.
        assertThat(deadLetters.list(100_000)).extracting(DeadLetters.DeadLetter::key)
                .as("a database that can come back is never a dead letter").doesNotContain(cohort);
        // Once each: the inbox and the roster's key let no redelivery apply twice.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows(cohort)).isEqualTo(participants.size()));
        await().atMost(Duration.ofSeconds(10)).until(() -> stalled() == 0.0);
    }

    private void sendEnrolments(String cohort, int count, List<String> participants) {
        for (int i = 0; i < count; i++) {
            String participant = UUID.randomUUID().toString();
            participants.add(participant);
            ParticipantEnrolled event = new ParticipantEnrolled(cohort, cohort, "BMM-2019-05", "BMM", participant,
                    "Official " + participants.size(), "MFA", participants.size(), participants.size(), 100, false, Instant.now());
            EventScenario.publish(CloudEventRecords.of(event, UUID.randomUUID(), "/aula/enrollment-service", Instant.now()));
        }
    }

    private static void readOnly(boolean on) throws SQLException {
        ReadOnlyDatabase.set(DATABASE, on);
    }

    private long rows(String cohort) {
        try {
            return jdbc.sql("select count(*) from test_roster where cohort_id = ?").param(cohort).query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }

    private double stalled() {
        Gauge gauge = meters.find("aula.messaging.consumer.stalled").tag("group", GROUP).tag("topic", Topics.ENROLLMENT).gauge();
        return gauge == null ? 0 : gauge.value();
    }

}
