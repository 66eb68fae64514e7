package org.aula.reliability.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.aula.events.Topics;
import org.aula.reliability.consumer.app.FillListener;
import org.aula.reliability.consumer.app.ListenerCrashes;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 9, scenario 3: the consumer crashes after its inbox transaction committed and before the
 * offset did, at random records, and is restarted; each event still takes effect exactly once.
 */
class ConsumerCrashIT {

    private final Form form = Form.current();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void crashesBetweenTheDatabaseCommitAndTheOffsetCommitLeaveEachEffectExactlyOnce() {
        String run = "crash" + UUID.randomUUID().toString().substring(0, 8);
        int events = form.pick(1_000, 10_000);
        int crashCount = form.pick(5, 30);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<Long> crashPoints = new TreeSet<>();
        while (crashPoints.size() < crashCount) {
            crashPoints.add(1 + (long) random.nextInt(events - 1));
        }
        System.out.println("[scenario 3] run " + run + ", " + events + " events, crashes after applied events " + crashPoints
                + " (seed " + seed + ")");

        String jdbcUrl = TestInfrastructure.shared().jdbcUrl("rel_" + run);
        FaultLedger ledger = new FaultLedger();
        FillEffects effects = new FillEffects(jdbcUrl);
        try (ConfigurableApplicationContext app = FillsApp.start(run, jdbcUrl);
                FillTraffic traffic = new FillTraffic(run, 50, ledger)) {
            ListenerCrashes crashes = app.getBean(ListenerCrashes.class);
            crashes.crashAfterApplied(crashPoints);

            traffic.send(events);
            System.out.println("[scenario 3] " + events + " events acknowledged; waiting for the effects");
            await().atMost(Duration.ofSeconds(form.pick(120, 900))).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long applied = effects.count();
                System.out.println("[scenario 3] effects " + applied + "/" + events + ", crashes " + crashes.crashes()
                        + ", restarts " + crashes.restarts());
                return applied >= events && crashes.crashes() == crashCount && crashes.restarts() == crashCount
                        && KafkaProbe.lag(FillsApp.group(run), Topics.ENROLLMENT) == 0;
            });
            double redeliveries = duplicates(app.getBean(MeterRegistry.class));
            long deadLetters = KafkaProbe.read(Topics.deadLetterOf(Topics.ENROLLMENT), r -> r.key() != null && r.key().startsWith(run)).size();
            effects.observeInto(ledger);
            ReliabilityReport.record(new ReliabilityReport.Row("03-consumer-crash-after-db-commit",
                    "consumer crashes between its database commit and its offset commit, then restarts ("
                            + (long) redeliveries + " redeliveries dropped by the inbox)",
                    String.format("%,d events, 50 keys", events),
                    crashCount + " crashes at random records (listener thread dies with an Error, container restarted)",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetters, "n/a", form.label()));

            assertThat(crashes.crashes()).as("every crash point was reached").isEqualTo(crashCount);
            assertThat(redeliveries).as("crashes left committed events uncommitted in Kafka, so they came again").isPositive();
            assertThat(ledger.lost()).as("lost").isEmpty();
            assertThat(ledger.duplicates()).as("duplicate effects").isZero();
            assertThat(ledger.orderViolations()).as("order violations").isZero();
            assertThat(deadLetters).as("dead letters").isZero();
        }
    }

    private static double duplicates(MeterRegistry meters) {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", FillListener.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
