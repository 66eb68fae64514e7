package org.aula.reliability.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.aula.events.CloudEventHeaders;
import org.aula.events.Topics;
import org.aula.events.runtime.Outbox;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9, scenario 4: the outbox relay dies after the broker acknowledged a batch and before the
 * rows were marked published (a trigger fails the marking update at random, as a crash at that
 * instant would leave it), and halfway the whole service stops in that state and a new one, with a
 * new relay, takes over. The topic may carry repeats; the effects may not, and nothing is lost.
 */
class RelayCrashIT {

    private static final int KEYS = 40;
    private static final int WRITERS = 4;

    private final Form form = Form.current();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aRelayCrashAfterTheAckRepeatsRecordsOnTheTopicButNoEffect() throws Exception {
        String run = "relay" + UUID.randomUUID().toString().substring(0, 8);
        int events = form.pick(1_000, 10_000);
        double failureRate = 0.3;
        String jdbcUrl = TestInfrastructure.shared().jdbcUrl("rel_" + run);
        FaultLedger ledger = new FaultLedger();
        FillEffects effects = new FillEffects(jdbcUrl);
        String[] relayOn = {"--aula.messaging.relay.enabled=true", "--aula.messaging.relay.poll-interval=200ms"};
        System.out.println("[scenario 4] run " + run + ": " + events + " events through the outbox; marking fails at rate " + failureRate);

        int[] fills = new int[KEYS];
        try (ConfigurableApplicationContext first = FillsApp.start(run, jdbcUrl, relayOn)) {
            installMarkFailures(effects, failureRate);
            write(first, run, 0, events / 2, fills, ledger);
            // The first service dies in the worst state: a batch acknowledged by the broker, not marked.
            long failuresBefore = markFailures(effects);
            setFailureRate(effects, 1.0);
            write(first, run, events / 2, 1, fills, ledger);
            await().atMost(Duration.ofSeconds(60)).until(() -> markFailures(effects) > failuresBefore);
        }
        System.out.println("[scenario 4] first service stopped with " + unpublished(effects) + " unmarked rows; starting a new one");
        setFailureRate(effects, failureRate);
        try (ConfigurableApplicationContext second = FillsApp.start(run, jdbcUrl, relayOn)) {
            write(second, run, events / 2 + 1, events - events / 2 - 1, fills, ledger);
            await().atMost(Duration.ofSeconds(form.pick(120, 600))).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long applied = effects.count();
                System.out.println("[scenario 4] effects " + applied + "/" + events + ", unmarked " + unpublished(effects)
                        + ", mark failures " + markFailures(effects));
                return applied >= events && unpublished(effects) == 0
                        && KafkaProbe.lag(FillsApp.group(run), Topics.ENROLLMENT) == 0;
            });
            setFailureRate(effects, 0);

            List<ConsumerRecord<String, byte[]>> onTopic = KafkaProbe.read(Topics.ENROLLMENT,
                    r -> r.key() != null && r.key().startsWith(run));
            long distinct = onTopic.stream().map(r -> new String(r.headers().lastHeader(CloudEventHeaders.ID).value(),
                    StandardCharsets.UTF_8)).distinct().count();
            long topicRepeats = onTopic.size() - distinct;
            long failures = markFailures(effects);
            long deadLetters = KafkaProbe.read(Topics.deadLetterOf(Topics.ENROLLMENT),
                    r -> r.key() != null && r.key().startsWith(run)).size();
            effects.observeInto(ledger);
            System.out.println("[scenario 4] " + failures + " failed markings, " + onTopic.size() + " records on the topic for "
                    + distinct + " events");
            ReliabilityReport.record(new ReliabilityReport.Row("04-relay-crash-after-ack",
                    String.format(Locale.ROOT, "outbox relay crashes after the broker's ack, before marking; then a new relay"
                            + " (%,d records on the topic for %,d events: %,d repeats, dropped by the inbox)", onTopic.size(), distinct, topicRepeats),
                    String.format("%,d events, %d keys, %d writers", events, KEYS, WRITERS),
                    failures + " markings failed after the ack (random, rate " + failureRate + "); first service stopped with a batch sent"
                            + " but unmarked, second service's relay resent it",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetters, "n/a", form.label()));

            assertThat(failures).as("the fault happened").isPositive();
            assertThat(topicRepeats).as("records repeated on the topic").isPositive();
            assertThat(ledger.lost()).as("lost").isEmpty();
            assertThat(ledger.duplicates()).as("duplicate effects").isZero();
            assertThat(ledger.orderViolations()).as("order violations").isZero();
            assertThat(deadLetters).as("dead letters").isZero();
        }
    }

    /** Appends {@code count} fills through the service's outbox, each writer owning its keys; acknowledged = committed. */
    private static void write(ConfigurableApplicationContext app, String run, int from, int count, int[] fills, FaultLedger ledger)
            throws Exception {
        Outbox outbox = app.getBean(Outbox.class);
        TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int n = from; n < from + count; n++) {
                        int k = n % KEYS;
                        if (k % WRITERS != writer) {
                            continue;
                        }
                        String cohortId = run + "-c" + k;
                        int fill = ++fills[k];
                        transactions.executeWithoutResult(status -> outbox.append(FillTraffic.fill(cohortId, "BMM", fill)));
                        ledger.acknowledged(FillTraffic.id(cohortId, fill), cohortId);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void installMarkFailures(FillEffects effects, double rate) {
        effects.jdbc().sql("create sequence relay_mark_failures").update();
        effects.jdbc().sql("create table relay_fault (rate double precision not null)").update();
        effects.jdbc().sql("insert into relay_fault (rate) values (?)").param(rate).update();
        // Marking is the relay's only update of the outbox, and it runs only after every ack came in.
        effects.jdbc().sql("""
                create function fail_relay_mark() returns trigger language plpgsql as $$
                begin
                  if random() < (select rate from relay_fault) then
                    perform nextval('relay_mark_failures');
                    raise exception 'relay crashed after the broker acknowledged the batch (injected)';
                  end if;
                  return null;
                end $$
                """).update();
        effects.jdbc().sql("""
                create trigger relay_crash_after_ack before update on aula_messaging.outbox
                for each statement execute function fail_relay_mark()
                """).update();
    }

    private static void setFailureRate(FillEffects effects, double rate) {
        effects.jdbc().sql("update relay_fault set rate = ?").param(rate).update();
    }

    private static long markFailures(FillEffects effects) {
        return effects.jdbc().sql("select case when is_called then last_value else 0 end from relay_mark_failures")
                .query(Long.class).single();
    }

    private static long unpublished(FillEffects effects) {
        return effects.jdbc().sql("select count(*) from aula_messaging.outbox where published_at is null").query(Long.class).single();
    }
}
