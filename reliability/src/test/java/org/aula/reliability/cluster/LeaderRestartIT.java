package org.aula.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 5: the leader of the busiest partition is stopped while fills flow and started again
 * later; the relay's producer follows the new leader, and nothing is lost, doubled or reordered.
 */
class LeaderRestartIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void busiestPartitionsLeaderStopsAndReturnsWithoutLossDuplicatesOrReordering() throws Exception {
        boolean longForm = FaultRun.longForm();
        int writes = longForm ? 20_000 : 3_000;
        int keys = longForm ? 200 : 60;
        int perSecond = longForm ? 400 : 200;
        Duration down = Duration.ofSeconds(longForm ? 20 : 6);

        try (FaultRun run = FaultRun.start("05")) {
            FaultRun.Load load = run.load(keys, 4).write(writes, perSecond);
            load.awaitAcknowledged(writes / 4, Duration.ofMinutes(2));

            int partition = run.cluster().busiestPartition(FaultRun.TOPIC);
            int leader = run.cluster().leaderOf(FaultRun.TOPIC, partition);
            run.progress(load.acknowledged() + " acknowledged; stopping broker " + leader + ", leader of busiest partition " + partition);
            FaultRun.RelayWatch relay = run.watchRelay();
            long stopping = System.nanoTime();
            run.cluster().stopBroker(leader);
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            long publishedAtStop = run.published();
            run.progress("broker " + leader + " stopped (controlled shutdown took " + stopMillis + " ms); partition " + partition + " now led by "
                    + run.cluster().leaderOf(FaultRun.TOPIC, partition));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> run.published() > publishedAtStop);
            long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
            run.progress("relay published again " + failoverMillis + " ms after the stop began");
            assertThat(run.cluster().leaderOf(FaultRun.TOPIC, partition)).isNotEqualTo(leader);

            FaultRun.holdFault(stopping, down);
            run.progress(load.acknowledged() + " acknowledged; starting broker " + leader);
            long starting = System.nanoTime();
            run.cluster().startBroker(leader);
            run.cluster().awaitFullIsr(Duration.ofSeconds(120), FaultRun.TOPIC);
            long rejoinMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - starting);
            run.progress("broker " + leader + " back in every ISR after " + rejoinMillis + " ms");

            load.awaitDone(Duration.ofMinutes(5));
            assertThat(load.failures()).as("writes refused").isEmpty();
            run.progress(load.acknowledged() + " acknowledged, all written; waiting for the effects");
            relay.close();
            long longestPause = relay.longestStallMillis();
            run.progress("longest relay pause from the stop until all was written: " + longestPause + " ms");
            run.awaitEffects(load.lastFills(), Duration.ofMinutes(3));
            FaultRun.Outcome outcome = run.outcome();
            run.progress(outcome.toString());

            ReliabilityReport.record(new ReliabilityReport.Row("05-partition-leader-restart",
                    "Partition leader stopped and restarted under load (3 brokers, separate controller, RF 3, min.insync.replicas 2)",
                    String.format("%,d fills over %d cohorts at ~%d/s, 4 writers", outcome.acknowledged(), keys, perSecond),
                    "leader of the busiest partition stopped (controlled shutdown) for " + down.toSeconds() + " s, then restarted",
                    outcome.lost(), outcome.duplicates(), outcome.orderViolations(), outcome.deadLetters(),
                    "longest relay pause " + ReliabilityReport.seconds(longestPause) + "; stopped broker back in sync "
                            + ReliabilityReport.seconds(rejoinMillis) + " after its restart",
                    FaultRun.form()));
            outcome.assertClean();
            assertThat(outcome.acknowledged()).isEqualTo(writes);
        }
    }
}
