package org.aula.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 6: two of three brokers down, so no partition can meet acks=all with
 * min.insync.replicas=2. The service keeps acknowledging writes (they wait in the outbox, none is
 * marked published), and the backlog drains once the brokers are back; the drain is timed.
 */
class TwoBrokersDownIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void writesWaitInTheOutboxWhileAcksAllCannotBeMetAndDrainOnceBrokersReturn() throws Exception {
        boolean longForm = FaultRun.longForm();
        Duration outage = Duration.ofSeconds(longForm ? 60 : 15);
        int perSecond = 50;
        int keys = 40;
        int before = 100;
        int during = (int) (perSecond * outage.toSeconds());

        try (FaultRun run = FaultRun.start("06")) {
            FaultRun.Load load = run.load(keys, 4).write(before, perSecond);
            load.awaitDone(Duration.ofMinutes(2));
            await().atMost(Duration.ofMinutes(2)).until(() -> run.unpublished() == 0);

            List<Integer> stopped = new ArrayList<>(run.cluster().brokerIds()).subList(0, 2);
            run.progress(load.acknowledged() + " acknowledged and published; stopping brokers " + stopped);
            long stopping = System.nanoTime();
            for (int broker : stopped) {
                run.cluster().stopBroker(broker);
            }
            long down = System.nanoTime();
            long publishedAtDown = run.published();
            run.progress("brokers " + stopped + " stopped after " + TimeUnit.NANOSECONDS.toMillis(down - stopping)
                    + " ms; writing " + during + " fills over " + outage.toSeconds() + " s");

            load.write(during, perSecond);
            List<Long> backlogSamples = new ArrayList<>();
            List<Long> markedDuringOutage = new ArrayList<>();
            while (!load.done()) {
                long published = run.published();
                if (published != publishedAtDown) {
                    markedDuringOutage.add(published - publishedAtDown);
                }
                backlogSamples.add(run.unpublished());
                // Sampling the outbox during the outage.
                TimeUnit.SECONDS.sleep(1);
            }
            long backlog = run.unpublished();
            long outageMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - down);
            run.progress(load.acknowledged() + " acknowledged after " + outageMillis + " ms of outage; backlog samples "
                    + backlogSamples + " -> " + backlog + "; marked published during the outage: " + markedDuringOutage);
            assertThat(load.failures()).as("writes refused while Kafka could not take them").isEmpty();
            assertThat(markedDuringOutage).as("rows marked published while acks=all could not be met").isEmpty();
            assertThat(run.published()).as("rows published").isEqualTo(publishedAtDown);
            assertThat(backlog).as("every write of the outage waits in the outbox").isEqualTo(load.acknowledged() - publishedAtDown);
            assertThat(backlogSamples).as("the backlog grows").isSorted();

            Map<String, Integer> lastFills = load.lastFills();
            run.progress("starting brokers " + stopped);
            long starting = System.nanoTime();
            for (int broker : stopped) {
                run.cluster().startBroker(broker);
            }
            long back = System.nanoTime();
            run.progress("brokers started in " + TimeUnit.NANOSECONDS.toMillis(back - starting) + " ms; draining " + run.unpublished());
            long drainMillis = run.awaitEffects(lastFills, Duration.ofMinutes(5));
            long restartToDrainedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting);
            run.progress("all " + load.acknowledged() + " effects observed " + drainMillis + " ms after the brokers were back ("
                    + restartToDrainedMillis + " ms after their restart began)");
            await().atMost(Duration.ofSeconds(60)).until(() -> run.unpublished() == 0);
            FaultRun.Outcome outcome = run.outcome();
            run.progress(outcome.toString());

            ReliabilityReport.record(new ReliabilityReport.Row("06-two-brokers-down",
                    "Two of three brokers down: acks=all impossible (min.insync.replicas 2); writes go on, the outbox holds them",
                    String.format("%,d fills over %d cohorts at ~%d/s, 4 writers; backlog of %,d", outcome.acknowledged(), keys,
                            perSecond, backlog),
                    String.format("2 of 3 brokers stopped for %.0f s (controlled shutdown); nothing marked published meanwhile",
                            outageMillis / 1000.0),
                    outcome.lost(), outcome.duplicates(), outcome.orderViolations(), outcome.deadLetters(),
                    "drain " + ReliabilityReport.seconds(drainMillis) + " (brokers back → all effects observed)",
                    FaultRun.form()));
            outcome.assertClean();
            assertThat(outcome.acknowledged()).isEqualTo(before + during);
        }
    }
}
