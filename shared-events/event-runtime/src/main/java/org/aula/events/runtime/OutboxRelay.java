package org.aula.events.runtime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes outbox rows to Kafka: in sequence order, key = aggregate id, CloudEvents binary-mode
 * headers; a batch is marked published only after the broker acknowledged all of it, so a crash
 * or a broker outage means a resend (at least once), never a loss.
 *
 * <p>Several replicas of a service may run a relay: a transaction-scoped advisory lock lets one
 * work at a time, which keeps per-key order (row locks with SKIP LOCKED alone would let two
 * replicas send one key's events concurrently). Commits wake the relay at once; the poll interval
 * only bounds how long a missed wake-up or a standby replica waits.
 *
 * <p>Written here rather than taken from a library: Spring Modulith's event externalization has
 * neither a relay process nor per-key ordering (see NOTES.md), and Debezium needs Kafka Connect.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Advisory lock id of the relay ("aula" in ASCII); advisory locks are scoped to the database. */
    static final long RELAY_LOCK = 0x61756c61L;
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MessagingProperties.Relay settings;
    private final String source;
    private final Counter published;

    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread worker;
    private Instant lastCleanup = Instant.EPOCH;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
            MessagingProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = properties.relay();
        this.source = properties.source();
        this.published = Counter.builder("aula.outbox.published")
                .description("Outbox events acknowledged by the broker and marked published")
                .register(meters);
    }

    /** Asks the relay to look for new rows now (called after a commit that appended events). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Sends one batch of unpublished rows and marks them; returns how many were published
     * (0 when another replica holds the relay lock or nothing waits).
     */
    public int relayBatch() {
        Integer count = transactions.execute(status -> {
            boolean leader = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(RELAY_LOCK).query(Boolean.class).single());
            if (!leader) {
                return 0;
            }
            List<Row> rows = jdbc.sql("""
                    select seq, id, aggregate_id, type, topic, subject, payload, created_at
                    from aula_messaging.outbox where published_at is null order by seq limit ?
                    """)
                    .param(settings.batchSize())
                    .query((rs, i) -> new Row(rs.getLong("seq"), rs.getObject("id", UUID.class),
                            rs.getString("aggregate_id"), rs.getString("type"), rs.getString("topic"),
                            rs.getString("subject"), rs.getString("payload"),
                            rs.getTimestamp("created_at").toInstant()))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = rows.stream().map(row -> kafka.send(toRecord(row))).toArray(CompletableFuture[]::new);
            kafka.flush();
            try {
                CompletableFuture.allOf(acks).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                // Nothing is marked: the whole batch is sent again; consumers drop the repeats by event id.
                throw new IllegalStateException("broker did not acknowledge " + rows.size() + " outbox events", e);
            }
            jdbc.sql("update aula_messaging.outbox set published_at = now() where seq in (:seqs)")
                    .param("seqs", rows.stream().map(Row::seq).toList())
                    .update();
            return rows.size();
        });
        int sent = count == null ? 0 : count;
        published.increment(sent);
        return sent;
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        return CloudEventRecords.of(row.topic(), row.aggregateId(), row.id(), row.type(), source, row.createdAt(),
                row.subject(), row.payload());
    }

    private void deletePublishedBeyondRetention() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = jdbc.sql("delete from aula_messaging.outbox where published_at < ?")
                .param(Timestamp.from(now.minus(settings.retention())))
                .update();
        if (deleted > 0) {
            log.info("outbox cleanup deleted {} rows published before the retention of {}", deleted, settings.retention());
        }
    }

    private void work() {
        Duration backOff = settings.pollInterval();
        while (running) {
            int sent = 0;
            try {
                sent = relayBatch();
                deletePublishedBeyondRetention();
                backOff = settings.pollInterval();
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying in {}: {}", backOff, e.getMessage());
                sleepUnlessStopped(backOff);
                backOff = min(backOff.multipliedBy(2), Duration.ofSeconds(30));
                continue;
            }
            if (sent < settings.batchSize()) {
                awaitWake(settings.pollInterval());
            }
        }
    }

    private void awaitWake(Duration timeout) {
        synchronized (signal) {
            if (!woken && running) {
                try {
                    signal.wait(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    private void sleepUnlessStopped(Duration duration) {
        synchronized (signal) {
            try {
                if (running) {
                    signal.wait(duration.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        worker = new Thread(this::work, "aula-outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(settings.sendTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long seq, UUID id, String aggregateId, String type, String topic, String subject,
            String payload, Instant createdAt) {
    }
}
