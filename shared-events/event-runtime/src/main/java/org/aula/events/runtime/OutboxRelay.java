package org.aula.events.runtime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    /**
     * The relay's read of its next batch (parameter: the batch size): unpublished rows in commit order, minus any key
     * held back behind a parked row. Public so that the benchmark's database floor runs this very query.
     */
    public static final String NEXT_BATCH = """
            select seq, id, aggregate_id, type, topic, subject, payload, created_at, traceparent
            from aula_messaging.outbox o
            where published_at is null and parked_at is null
              and not exists (select 1 from aula_messaging.outbox p
                              where p.parked_at is not null and p.published_at is null
                                and p.aggregate_id = o.aggregate_id and p.topic = o.topic)
            order by seq limit ?
            """;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Advisory lock id of the relay ("aula" in ASCII); advisory locks are scoped to the database. */
    static final long RELAY_LOCK = 0x61756c61L;
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);
    /** Longest pause after a failed round: short, so a broker that comes back is used within seconds. */
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, byte[]> kafka;
    private final MessagingProperties.Relay settings;
    private final String source;
    private final Counter published;
    private final Counter parkedCounter;
    private final Counter failures;
    private final Duration inboxRetention;
    /** The relay's own producer: {@code max.block.ms} bounded by the send timeout, so a send waiting for metadata cannot hold the lock longer. */
    private final KafkaTemplate<String, byte[]> relayKafka;
    /** Sends not yet settled, by outbox seq: a later batch waits on them rather than sending the rows twice. */
    private final Map<Long, CompletableFuture<?>> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

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
        this.parkedCounter = Counter.builder("aula.outbox.parked.rows")
                .description("Outbox rows the broker refused for good, parked with their reason")
                .register(meters);
        this.failures = Counter.builder("aula.outbox.relay.failures")
                .description("Relay rounds that failed (broker or database unavailable) and were retried")
                .register(meters);
        this.inboxRetention = properties.inbox().retention();
        // max.block.ms: a send waiting for metadata (broker away) gives up within the batch's send timeout.
        // delivery.timeout.ms without limit: a record the broker has not acknowledged is never expired by the
        // producer. Expiry is what reorders a key: the producer bumps its epoch and sends later records of the
        // partition while the expired ones go again in a later batch, behind them (seen in the fault suite with
        // two brokers down). Unexpired, one producer delivers a partition's records in the order they were sent;
        // the relay stops waiting at its send timeout, and a later batch waits on the same sends (in flight)
        // instead of sending the rows again.
        // linger.ms and batch.size: the relay sends a whole batch of rows at once and then waits for its acks, so a
        // record waiting for company only adds latency (issue 11), and larger batches carry a round in fewer requests.
        this.relayKafka = kafka == null ? null : new KafkaTemplate<>(kafka.getProducerFactory(), Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, settings.sendTimeout().toMillis()),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.LINGER_MS_CONFIG, (int) settings.linger().toMillis(),
                ProducerConfig.BATCH_SIZE_CONFIG, settings.producerBatchSize()));
    }

    /** Asks the relay to look for new rows now (called after a commit that appended events). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /**
     * Sends one batch of unpublished rows and marks those the broker acknowledged; returns how many were published
     * (0 when another replica holds the relay lock or nothing waits).
     *
     * <p>The batch is bounded by {@code send-timeout}: sends stop at the deadline (a send that waits for metadata
     * blocks at most that long), and what is not acknowledged by then stays unpublished and goes again in the next
     * batch. Acks come in order per partition, so an acknowledged row never overtakes an unacknowledged one of its
     * key. A row the broker refuses for good (too large, invalid) is parked with its reason and its key is held
     * back from then on, so no later event of that key overtakes it; other keys flow.
     */
    public int relayBatch() {
        Integer count = transactions.execute(status -> {
            boolean leader = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(RELAY_LOCK).query(Boolean.class).single());
            if (!leader) {
                return 0;
            }
            List<Row> rows = jdbc.sql(NEXT_BATCH)
                    .param(settings.batchSize())
                    .query((rs, i) -> new Row(rs.getLong("seq"), rs.getObject("id", UUID.class),
                            rs.getString("aggregate_id"), rs.getString("type"), rs.getString("topic"),
                            rs.getString("subject"), rs.getString("payload"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("traceparent")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            return sendAndMark(rows);
        });
        int sent = count == null ? 0 : count;
        published.increment(sent);
        return sent;
    }

    private int sendAndMark(List<Row> rows) {
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        Map<Row, CompletableFuture<?>> sent = new LinkedHashMap<>();
        Map<Row, String> parked = new LinkedHashMap<>();
        Set<String> heldBack = new HashSet<>();
        Throwable unavailable = null;
        for (Row row : rows) {
            if (heldBack.contains(row.key())) {
                continue;
            }
            if (System.nanoTime() >= deadline) {
                break;
            }
            CompletableFuture<?> ack = inFlight.get(row.seq());
            if (ack != null && !ack.isCompletedExceptionally()) {
                // Sent by an earlier batch and still on its way (or acknowledged since): wait for it, don't send again.
                sent.put(row, ack);
                continue;
            }
            try {
                ack = relayKafka.send(toRecord(row));
            } catch (RuntimeException e) {
                if (permanent(e)) {
                    parked.put(row, Failures.describe(e));
                    heldBack.add(row.key());
                    continue;
                }
                // Metadata not available within max.block.ms (the broker is away), buffer full: try again later.
                unavailable = e;
                break;
            }
            // A client-side refusal (e.g. larger than max.request.size) fails the future at once: park it before
            // any later row of its key is sent.
            Throwable refused = ack.isCompletedExceptionally() ? failureOf(ack) : null;
            if (refused != null && permanent(refused)) {
                parked.put(row, Failures.describe(refused));
                heldBack.add(row.key());
                continue;
            }
            sent.put(row, ack);
            inFlight.put(row.seq(), ack);
            CompletableFuture<?> settled = ack;
            // Forgotten once settled: a failed send goes again in a later batch; one acknowledged but not marked is at
            // worst sent again, behind itself.
            ack.whenComplete((result, failure) -> inFlight.remove(row.seq(), settled));
        }
        List<Long> acknowledged = new ArrayList<>();
        boolean waiting = true;
        for (Map.Entry<Row, CompletableFuture<?>> entry : sent.entrySet()) {
            Row row = entry.getKey();
            CompletableFuture<?> ack = entry.getValue();
            try {
                if (waiting) {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } else if (!ack.isDone() || ack.isCompletedExceptionally()) {
                    // Past the deadline: take what is already acknowledged, leave the rest for the next batch.
                    continue;
                }
                acknowledged.add(row.seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (java.util.concurrent.TimeoutException e) {
                unavailable = unavailable == null ? e : unavailable;
                waiting = false;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (permanent(cause)) {
                    if (!heldBack.add(row.key())) {
                        continue;
                    }
                    parked.put(row, Failures.describe(cause));
                    log.error("outbox row {} ({} of {}) refused by the broker for good; its key is held back: {}",
                            row.seq(), row.type(), row.key(), Failures.describe(cause));
                } else {
                    unavailable = unavailable == null ? cause : unavailable;
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            jdbc.sql("update aula_messaging.outbox set published_at = now() where seq in (:seqs)")
                    .param("seqs", acknowledged)
                    .update();
        }
        parked.forEach((row, reason) -> {
            jdbc.sql("update aula_messaging.outbox set parked_at = now(), park_reason = ? where seq = ?")
                    .params(reason, row.seq())
                    .update();
            parkedCounter.increment();
            log.error("parked outbox row {} ({} on {}, key {}): {}; later events of this key wait until an operator "
                    + "retries or skips it (POST /actuator/outbox)", row.seq(), row.type(), row.topic(), row.key(), reason);
        });
        if (unavailable != null && acknowledged.isEmpty() && parked.isEmpty()) {
            // Nothing is marked: the rows go again; consumers drop any repeats by event id.
            throw new IllegalStateException("broker did not acknowledge " + rows.size() + " outbox events within "
                    + settings.sendTimeout() + ": " + Failures.describe(unavailable), unavailable);
        }
        if (unavailable != null) {
            log.warn("outbox relay: {} of {} events acknowledged within {}; the rest go again: {}", acknowledged.size(),
                    rows.size(), settings.sendTimeout(), Failures.describe(unavailable));
        }
        return acknowledged.size();
    }

    /**
     * A broker refusal that no retry can change for this record (too large, invalid, not serializable). Timeouts,
     * retriable errors and authorization (an operator fixes the ACL, and it would hit every row of the topic) are
     * not: the row goes again.
     */
    static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                    || cause instanceof org.apache.kafka.common.InvalidRecordException
                    || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                    || cause instanceof org.apache.kafka.common.errors.SerializationException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.getNow(null);
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    private ProducerRecord<String, byte[]> toRecord(Row row) {
        return CloudEventRecords.of(row.topic(), row.aggregateId(), row.id(), row.type(), source, row.createdAt(),
                row.subject(), row.payload(), row.traceparent());
    }

    /** Deletes published outbox rows and inbox entries past their retention, at most once a minute. */
    void housekeeping() {
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
        int forgotten = jdbc.sql("delete from aula_messaging.processed_event where processed_at < ?")
                .param(Timestamp.from(now.minus(inboxRetention)))
                .update();
        if (forgotten > 0) {
            log.info("inbox cleanup deleted {} entries older than the retention of {}", forgotten, inboxRetention);
        }
    }

    private void work() {
        Duration backOff = settings.pollInterval();
        while (running) {
            int sent = 0;
            try {
                sent = relayBatch();
                housekeeping();
                backOff = settings.pollInterval();
            } catch (RuntimeException e) {
                log.warn("outbox relay failed, retrying in {}: {}", backOff, e.getMessage());
                failures.increment();
                sleepUnlessStopped(backOff);
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
                continue;
            } catch (Error e) {
                // Never die silently: a relay thread that ends stops every event of the service. An Error here
                // (out of memory, a linkage problem, a stack overflow in a driver) is logged loudly and retried.
                log.error("outbox relay hit an error, retrying in {}", backOff, e);
                failures.increment();
                sleepUnlessStopped(backOff);
                backOff = min(backOff.multipliedBy(2), MAX_BACK_OFF);
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
        worker.setUncaughtExceptionHandler((thread, e) -> log.error("outbox relay thread ended", e));
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
    public void destroy() {
        if (relayKafka != null) {
            relayKafka.destroy();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long seq, UUID id, String aggregateId, String type, String topic, String subject,
            String payload, Instant createdAt, @Nullable String traceparent) {

        /** The ordering key: one aggregate on one topic. */
        String key() {
            return topic + "\u0000" + aggregateId;
        }
    }
}
