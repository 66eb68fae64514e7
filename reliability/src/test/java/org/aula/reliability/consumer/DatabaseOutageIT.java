package org.aula.reliability.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.aula.events.Topics;
import org.aula.reliability.support.TcpOutageProxy;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 9, scenario 9: the consumer's database turns read-only for 10 s (what a failover looks
 * like from a client: sessions dropped, then writes refused with SQLSTATE 25006), then becomes
 * unreachable (a TCP proxy in front of it drops every connection and refuses new ones) while events
 * keep arriving. Nothing may be dead-lettered or lost, and order must hold; the recovery time is
 * measured from the end of the outage until the consumer has committed the whole backlog.
 */
class DatabaseOutageIT {

    private final Form form = Form.current();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aReadOnlyThenUnreachableDatabaseDelaysEffectsButLosesAndDeadLettersNothing() throws Exception {
        String run = "dbout" + UUID.randomUUID().toString().substring(0, 8);
        String database = "rel_" + run;
        int events = 1_000;
        Duration before = Duration.ofSeconds(2);
        Duration readOnly = Duration.ofSeconds(10);
        Duration unreachable = Duration.ofSeconds(form.pick(10, 60));
        String directUrl = TestInfrastructure.shared().jdbcUrl(database);
        URI postgres = URI.create(directUrl.substring("jdbc:".length()));
        FaultLedger ledger = new FaultLedger();
        FillEffects effects = new FillEffects(directUrl);
        // Another database for the operator's statements: a session on the read-only one could not undo it.
        FillEffects admin = new FillEffects(TestInfrastructure.shared().jdbcUrl("postgres"));

        try (TcpOutageProxy proxy = new TcpOutageProxy(postgres.getHost(), postgres.getPort());
                ConfigurableApplicationContext app = FillsApp.start(run,
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                        // A pool that gives up on a connection after 3 s (30 s by default), so that even
                        // the short outage reaches the listener as a failure, not just as a slow call.
                        "--spring.datasource.hikari.connection-timeout=3000");
                FillTraffic traffic = new FillTraffic(run, 50, ledger)) {
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            System.out.println("[scenario 9] run " + run + ": " + events + " events over "
                    + (before.plus(readOnly).plus(unreachable)).toSeconds() + " s; read-only " + readOnly.toSeconds()
                    + " s, then unreachable " + unreachable.toSeconds() + " s");
            CompletableFuture<Void> load = CompletableFuture.runAsync(
                    () -> traffic.sendPaced(events, before.plus(readOnly).plus(unreachable)));

            // The fault strikes a stream in full flow, not a consumer still joining its group.
            await().atMost(Duration.ofSeconds(60)).until(() -> effects.count() > 0);
            hold(before, meters);
            setReadOnly(admin, database, true);
            System.out.println("[scenario 9] database read-only; effects so far " + effects.count());
            hold(readOnly, meters);
            setReadOnly(admin, database, false);
            proxy.cut();
            System.out.println("[scenario 9] database writable again and now unreachable; effects so far " + effects.count()
                    + ", dead letters so far " + deadLetterCount(meters));
            hold(unreachable, meters);
            proxy.restore();
            long faultEnd = System.nanoTime();
            System.out.println("[scenario 9] database reachable again; effects so far " + effects.count()
                    + ", dead letters so far " + deadLetterCount(meters));
            load.get(60, TimeUnit.SECONDS);

            AtomicLong consumedAt = new AtomicLong();
            String recovery;
            try {
                await().atMost(Duration.ofSeconds(form.pick(90, 180))).pollInterval(Duration.ofMillis(250)).until(() -> {
                    if (KafkaProbe.lag(FillsApp.group(run), Topics.ENROLLMENT) > 0) {
                        return false;
                    }
                    consumedAt.set(System.nanoTime());
                    return true;
                });
                recovery = ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(consumedAt.get() - faultEnd));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                recovery = "backlog not consumed within " + form.pick(90, 180) + " s";
            }
            long deadLetters = KafkaProbe.read(Topics.deadLetterOf(Topics.ENROLLMENT),
                    r -> r.key() != null && r.key().startsWith(run)).size();
            effects.observeInto(ledger);
            System.out.println("[scenario 9] recovery " + recovery + "; effects " + effects.count() + "/" + ledger.acknowledgedCount()
                    + ", dead letters " + deadLetters + " (counter " + deadLetterCount(meters) + ")");
            ReliabilityReport.record(new ReliabilityReport.Row("09-consumer-database-outage",
                    "consumer's database read-only, then unreachable, while events arrive",
                    String.format("%,d events, 50 keys", events),
                    "read-only " + readOnly.toSeconds() + " s (default_transaction_read_only + sessions terminated), then unreachable "
                            + unreachable.toSeconds() + " s (TCP proxy resets and refuses); pool connection timeout 3 s",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetters,
                    recovery + " (outage end to backlog committed)", form.label()));

            assertThat(deadLetters).as("dead letters").isZero();
            assertThat(ledger.lost()).as("lost").isEmpty();
            assertThat(ledger.duplicates()).as("duplicate effects").isZero();
            assertThat(ledger.orderViolations()).as("order violations").isZero();
            assertThat(consumedAt.get()).as("the backlog was consumed").isPositive();
        } finally {
            setReadOnly(admin, database, false);
        }
    }

    private static void setReadOnly(FillEffects effects, String database, boolean on) {
        effects.jdbc().sql("alter database \"" + database + "\" set default_transaction_read_only = " + (on ? "on" : "off")).update();
        // Settings apply to new sessions only: end the pooled ones so the pool reconnects and sees it.
        effects.jdbc().sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")
                .param(database).query(Long.class).single();
    }

    private static double deadLetterCount(MeterRegistry meters) {
        return meters.find("aula.messaging.dead.letters").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Keeps a fault in place for its duration, failing at once if anything is dead-lettered meanwhile. */
    private static void hold(Duration duration, MeterRegistry meters) {
        double deadLetters = deadLetterCount(meters);
        await().during(duration).atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> deadLetterCount(meters) == deadLetters);
    }
}
