package org.aula.reliability.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.aula.events.Topics;
import org.aula.reliability.consumer.app.FillsApplication;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 9, scenario 10: the consumer service runs in a JVM of its own and is killed with SIGKILL
 * ({@code Process.destroyForcibly}) mid-stream, then started again: each event takes effect exactly
 * once and in order.
 */
class HardKillIT {

    private final Form form = Form.current();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aConsumerKilledHardMidStreamAndRestartedAppliesEachEventOnceInOrder() throws Exception {
        String run = "kill" + UUID.randomUUID().toString().substring(0, 8);
        int events = form.pick(1_000, 10_000);
        int kills = form.pick(1, 3);
        Random random = new Random();
        TreeSet<Long> killPoints = new TreeSet<>();
        while (killPoints.size() < kills) {
            killPoints.add((long) (events * (0.1 + 0.8 * random.nextDouble())));
        }
        String jdbcUrl = TestInfrastructure.shared().jdbcUrl("rel_" + run);
        FaultLedger ledger = new FaultLedger();
        FillEffects effects = new FillEffects(jdbcUrl);
        System.out.println("[scenario 10] run " + run + ": " + events + " events, kill -9 at effects " + killPoints);

        List<Process> started = new ArrayList<>();
        try (FillTraffic traffic = new FillTraffic(run, 50, ledger)) {
            Process service = start(run, jdbcUrl, started);
            // As fast as the broker takes them: the consumer works through full batches, so a kill lands between
            // the database commits of a batch and its offset commit (a paced stream it keeps up with would mostly
            // be killed between batches, with nothing to redeliver).
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> traffic.send(events));
            long lastKill = 0;
            for (long point : killPoints) {
                await().atMost(Duration.ofSeconds(form.pick(90, 300))).pollInterval(Duration.ofMillis(100))
                        .until(() -> effects.count() >= point);
                service.destroyForcibly();
                service.waitFor(30, TimeUnit.SECONDS);
                lastKill = System.nanoTime();
                System.out.println("[scenario 10] killed pid " + service.pid() + " (exit " + service.exitValue() + ") at "
                        + effects.count() + " effects; restarting");
                service = start(run, jdbcUrl, started);
            }
            load.get(form.pick(120, 300), TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(form.pick(120, 300))).pollInterval(Duration.ofMillis(250)).until(() -> {
                long applied = effects.count();
                System.out.println("[scenario 10] effects " + applied + "/" + events);
                return applied >= events && KafkaProbe.lag(FillsApp.group(run), Topics.ENROLLMENT) == 0;
            });
            long recovered = System.nanoTime();
            long deadLetters = KafkaProbe.read(Topics.deadLetterOf(Topics.ENROLLMENT),
                    r -> r.key() != null && r.key().startsWith(run)).size();
            effects.observeInto(ledger);
            long redeliveries = skippedDuplicates(run, started.size());
            String recovery = ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(recovered - lastKill))
                    + " (last kill to backlog committed, JVM start included)";
            ReliabilityReport.record(new ReliabilityReport.Row("10-consumer-killed-hard",
                    "consumer service in its own JVM killed with SIGKILL mid-stream, then restarted (" + redeliveries
                            + " redeliveries dropped by the inbox, from the service's log)",
                    String.format("%,d events, 50 keys", events),
                    kills + " × kill -9 (Process.destroyForcibly) at random points; consumer session timeout 6 s",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetters, recovery, form.label()));

            assertThat(ledger.lost()).as("lost").isEmpty();
            assertThat(ledger.duplicates()).as("duplicate effects").isZero();
            assertThat(ledger.orderViolations()).as("order violations").isZero();
            assertThat(deadLetters).as("dead letters").isZero();
        } finally {
            for (Process process : started) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Redeliveries the inbox recognised, as the services logged them ("skipped duplicate event"). */
    private static long skippedDuplicates(String run, int processes) throws Exception {
        long skipped = 0;
        for (int n = 0; n < processes; n++) {
            try (var lines = Files.lines(log(run, n))) {
                skipped += lines.filter(line -> line.contains("skipped duplicate event")).count();
            }
        }
        return skipped;
    }

    private static Path log(String run, int n) {
        return Path.of("target", "hard-kill-" + run + "-" + n + ".log");
    }

    private static Process start(String run, String jdbcUrl, List<Process> started) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                FillsApplication.class.getName()));
        command.addAll(FillsApp.arguments(run, jdbcUrl,
                // A killed member leaves no goodbye: the group notices it after the session timeout.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        Path log = log(run, started.size());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        System.out.println("[scenario 10] started consumer pid " + process.pid() + ", log " + log.toAbsolutePath());
        return process;
    }
}
