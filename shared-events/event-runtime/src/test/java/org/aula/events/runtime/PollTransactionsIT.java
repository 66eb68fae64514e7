package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A batch listener whose polls commit together ({@link PollTransactions}): records that queued up are applied in one
 * transaction; a record that fails is still one record's failure (the others applied once, it alone retried and
 * dead-lettered); a database that refuses writes delays everything and dead-letters nothing. Its own database and
 * consumer group; the record listener of the test application is not started here.
 */
@SpringBootTest(properties = {"aula.test.database=runtime_polls", "aula.test.record-listener=false",
        "aula.test.batch-listener=true", "aula.messaging.topics.create=true"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class PollTransactionsIT {

    private static final String DATABASE = "runtime_polls";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    RuntimeTestApplication.BatchRosterListener listener;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void stopTheListener() {
        listeners.getListenerContainer(RuntimeTestApplication.BatchRosterListener.ID).stop();
    }

    /** Stopped between tests, so it takes no other test's records (its group reads the topic from the start). */
    @AfterEach
    void stopTheListenerAgain() throws SQLException {
        readOnly(false);
        listeners.getListenerContainer(RuntimeTestApplication.BatchRosterListener.ID).stop();
    }

    @Test
    @Timeout(120)
    void recordsThatQueuedUpCommitTogetherAndAFailureIsOneRecords() {
        String cohort = "cohort-" + UUID.randomUUID();
        List<String> participants = new ArrayList<>();
        // Queued while the listener is stopped, so its first polls find many records.
        sendEnrolments(cohort, 10, "Official", participants);
        String poison = sendEnrolments(cohort, 1, "ALWAYS-FAIL", participants).get(0);
        String failsOnce = sendEnrolments(cohort, 1, "FAIL-ONCE", participants).get(0);
        sendEnrolments(cohort, 18, "Official", participants);

        listeners.getListenerContainer(RuntimeTestApplication.BatchRosterListener.ID).start();

        List<String> applied = new ArrayList<>(participants);
        applied.remove(poison);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(cohort) == applied.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetteredKeys().contains(cohort));
        assertThat(roster(cohort)).as("every record but the failing one applied, each once")
                .containsExactlyInAnyOrderElementsOf(applied);
        assertThat(deadLetteredKeys().stream().filter(cohort::equals).count()).as("only the failing record dead-lettered")
                .isEqualTo(1);
        assertThat(listener.attempts.get(failsOnce).get()).as("a record failing once is retried, not dead-lettered")
                .isGreaterThanOrEqualTo(2);
        Set<Long> transactions = new HashSet<>();
        applied.forEach(participant -> transactions.add(listener.transactions.get(participant)));
        assertThat(transactions).as("%d records committed in fewer transactions than records", applied.size())
                .hasSizeLessThan(applied.size() / 2);

        // Timed by the runtime, a poll whole and each record; not by Spring Kafka's batch timer, whose tags would
        // clash in Prometheus with the record listeners' spring.kafka.listener observations.
        String id = RuntimeTestApplication.BatchRosterListener.ID;
        assertThat(meters.find(PollTransactions.POLL_TIMER).tag("listener", id).tag("outcome", "applied").timer())
                .isNotNull().satisfies(polls -> assertThat(polls.count()).isPositive());
        assertThat(meters.find(PollTransactions.RECORD_OBSERVATION).tag("listener", id).timers().stream()
                .mapToLong(io.micrometer.core.instrument.Timer::count).sum()).isGreaterThanOrEqualTo(applied.size());
        assertThat(meters.find("spring.kafka.listener").timers()).as("Spring Kafka's timer of the batch listener")
                .noneMatch(timer -> String.valueOf(timer.getId().getTag("name")).startsWith(id));
    }

    @Test
    @Timeout(120)
    void aDatabaseThatRefusesWritesDelaysAPollButDeadLettersNothing() throws Exception {
        String cohort = "cohort-" + UUID.randomUUID();
        List<String> participants = new ArrayList<>();
        sendEnrolments(cohort, 20, "Official", participants);

        readOnly(true);
        listeners.getListenerContainer(RuntimeTestApplication.BatchRosterListener.ID).start();
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> rows(cohort) <= 0);
        readOnly(false);

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(cohort) == participants.size());
        assertThat(roster(cohort)).containsExactlyInAnyOrderElementsOf(participants);
        assertThat(deadLetteredKeys()).as("a database that can come back is never a dead letter").doesNotContain(cohort);
    }

    private List<String> sendEnrolments(String cohort, int count, String name, List<String> participants) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String participant = UUID.randomUUID().toString();
            participants.add(participant);
            sent.add(participant);
            ParticipantEnrolled event = new ParticipantEnrolled(cohort, cohort, "BMM-2019-05", "BMM", participant,
                    name, "MFA", participants.size(), participants.size(), 100, false, Instant.now());
            EventScenario.publish(CloudEventRecords.of(event, UUID.randomUUID(), "/aula/enrollment-service", Instant.now()));
        }
        return sent;
    }

    private List<String> deadLetteredKeys() {
        return deadLetters.list(100_000).stream().map(DeadLetters.DeadLetter::key).toList();
    }

    private static void readOnly(boolean on) throws SQLException {
        ReadOnlyDatabase.set(DATABASE, on);
    }

    private long rows(String cohort) {
        try {
            return jdbc.sql("select count(*) from test_roster where cohort_id = ?").param("batch:" + cohort)
                    .query(Long.class).single();
        } catch (RuntimeException unavailable) {
            return -1;
        }
    }

    private List<String> roster(String cohort) {
        return jdbc.sql("select participant_id from test_roster where cohort_id = ?").param("batch:" + cohort)
                .query(String.class).list();
    }
}
