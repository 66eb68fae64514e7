package org.aula.reliability.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 7: every broker is down for a while during a stream of requests. Each request is
 * acknowledged all the same (the use case needs only the database); after the brokers return,
 * every fill arrives once and in order, and the time to catch up is measured.
 */
class KafkaUnreachableIT {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyRequestIsAcknowledgedWhileKafkaIsUnreachableAndArrivesOnceInOrderAfterwards() throws Exception {
        boolean longForm = FaultRun.longForm();
        int requests = 1_000;
        int before = 100;
        int during = requests - before;
        Duration outage = Duration.ofSeconds(longForm ? 30 : 12);
        // The requests of the outage are spread over 90 % of it, so all of them meet an unreachable Kafka.
        int perSecond = (int) Math.ceil(during / (outage.toSeconds() * 0.9));
        int keys = 40;

        try (FaultRun run = FaultRun.start("07")) {
            FaultRun.Load load = run.load(keys, 4).write(before, perSecond);
            load.awaitDone(Duration.ofMinutes(2));
            await().atMost(Duration.ofMinutes(2)).until(() -> run.unpublished() == 0);

            run.progress(load.acknowledged() + " acknowledged and published; stopping every broker " + run.cluster().brokerIds());
            long stopping = System.nanoTime();
            for (int broker : run.cluster().brokerIds()) {
                run.cluster().stopBroker(broker);
            }
            long down = System.nanoTime();
            run.progress("all brokers stopped after " + TimeUnit.NANOSECONDS.toMillis(down - stopping) + " ms; sending "
                    + during + " requests at ~" + perSecond + "/s");
            load.write(during, perSecond);
            FaultRun.holdFault(down, outage);
            boolean writtenDuringOutage = load.done();
            int acknowledgedDuringOutage = load.acknowledged() - before;
            run.progress(acknowledgedDuringOutage + " requests acknowledged during the outage; backlog " + run.unpublished()
                    + "; refused: " + load.failures().size() + "; slowest " + load.longestWriteMillis() + " ms");
            assertThat(writtenDuringOutage).as("all requests of the outage answered within it").isTrue();
            assertThat(load.failures()).as("requests refused while Kafka was unreachable").isEmpty();
            assertThat(acknowledgedDuringOutage).isEqualTo(during);
            Map<String, Integer> lastFills = load.lastFills();

            long starting = System.nanoTime();
            for (int broker : run.cluster().brokerIds()) {
                run.cluster().startBroker(broker);
            }
            long back = System.nanoTime();
            run.progress("brokers started in " + TimeUnit.NANOSECONDS.toMillis(back - starting) + " ms");
            long recoveryMillis = run.awaitEffects(lastFills, Duration.ofMinutes(5));
            run.progress("every request observed " + recoveryMillis
                    + " ms after the brokers were back");

            await().atMost(Duration.ofSeconds(60)).until(() -> run.unpublished() == 0);
            FaultRun.Outcome outcome = run.outcome();
            run.progress(outcome.toString());

            ReliabilityReport.record(new ReliabilityReport.Row("07-kafka-unreachable",
                    "Kafka unreachable (every broker stopped) during a stream of requests; the service needs only its database to answer",
                    String.format("%,d requests over %d cohorts, 4 writers; %,d of them during the outage at ~%d/s", outcome.acknowledged(),
                            keys, acknowledgedDuringOutage, perSecond),
                    "all 3 brokers stopped for " + outage.toSeconds() + " s; " + load.failures().size() + " requests refused, slowest "
                            + load.longestWriteMillis() + " ms",
                    outcome.lost(), outcome.duplicates(), outcome.orderViolations(), outcome.deadLetters(),
                    ReliabilityReport.seconds(recoveryMillis) + " (brokers back → every request observed)",
                    FaultRun.form()));
            outcome.assertClean();
            assertThat(outcome.acknowledged()).isEqualTo(requests);
        }
    }
}
