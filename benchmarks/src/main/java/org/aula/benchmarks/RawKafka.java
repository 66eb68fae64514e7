package org.aula.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.events.EventCatalog;
import org.aula.events.runtime.CloudEventRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka floor: one producer ({@code acks=all}, idempotent) sending the very records the relay sends
 * (CloudEvents headers, ~1 KiB JSON value), no database; a consumer receiving them.
 *
 * <p>The floor's producer batches for throughput ({@code batch.size} 256 KiB, Kafka 4's {@code linger.ms} of 5);
 * the same bursts with Kafka's default {@code batch.size} of 16 KiB, which the relay's producer uses, are reported
 * beside it. Each is warmed up for {@link #WARM_UP} of bursts first: on a cold JVM the first bursts ran 5-10 times
 * slower, below the relay that ran later in the same JVM, so the "floor" was no floor. Its figure is the median of
 * {@link #BURSTS} bursts.
 */
final class RawKafka {

    static final String TOPIC = "bench.raw";

    /** {@code batch.size} of the floor's producer: one request carries a partition's whole share of a burst. */
    static final int FLOOR_BATCH_BYTES = 256 * 1024;
    /** {@code batch.size} of a producer with Kafka's defaults, as the relay's. */
    static final int DEFAULT_BATCH_BYTES = 16 * 1024;
    /** {@code linger.ms} of both: Kafka 4's default. */
    static final int LINGER_MS = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int BURSTS = 3;

    private final Settings settings;
    private final Infrastructure infrastructure;

    RawKafka(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /**
     * The floor's figures: a burst of the throughput-batching producer (writers = the producer until its last ack),
     * the same with Kafka's default batching, and a paced stream.
     */
    record Result(Figures.Burst burst, Figures.Burst defaultBatchingBurst, Figures.Paced paced) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("burst", burstMap(burst, FLOOR_BATCH_BYTES));
            map.put("burst_default_batching", burstMap(defaultBatchingBurst, DEFAULT_BATCH_BYTES));
            map.put("paced", paced.toMap());
            return map;
        }

        private static Map<String, Object> burstMap(Figures.Burst burst, int batchBytes) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("records", burst.events());
            map.put("batch_size_bytes", batchBytes);
            map.put("linger_ms", LINGER_MS);
            map.put("median_of_bursts", BURSTS);
            map.put("producer_acked_records_per_second", Figures.round(burst.writersPerSecond()));
            map.put("produce_to_consume_records_per_second", Figures.round(burst.drainPerSecond()));
            map.put("received", burst.received());
            map.put("per_key_order_violations", burst.reorders());
            map.put("send_to_consume", burst.latency().toMap());
            return map;
        }
    }

    Result run() {
        Figures.Burst floor;
        Figures.Burst defaults;
        Figures.Paced paced;
        try (KafkaProducer<String, byte[]> producer = producer(FLOOR_BATCH_BYTES)) {
            floor = measuredBurst(producer, "floor");
        }
        try (KafkaProducer<String, byte[]> producer = producer(DEFAULT_BATCH_BYTES)) {
            defaults = measuredBurst(producer, "default batching");
            paced = paced(producer);
            Benchmarks.progress("  kafka paced at %d/s for %d s: send->consume %s", settings.rate(), settings.seconds(),
                    paced);
        }
        return new Result(floor, defaults, paced);
    }

    private KafkaProducer<String, byte[]> producer(int batchBytes) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, batchBytes,
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Bursts for {@link #WARM_UP}, then the median (by acknowledged records/s) of {@link #BURSTS} bursts. */
    private Figures.Burst measuredBurst(KafkaProducer<String, byte[]> producer, String name) {
        long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
        int warmUps = 0;
        Figures.Burst last;
        do {
            last = burst(producer, "warmup", settings.events());
            warmUps++;
        } while (System.nanoTime() < warmUpEnd);
        Benchmarks.progress("  kafka %s warm-up, %d bursts of %d records: last acked %.0f records/s", name, warmUps,
                settings.events(), last.writersPerSecond());
        List<Figures.Burst> bursts = new ArrayList<>();
        for (int b = 0; b < BURSTS; b++) {
            bursts.add(burst(producer, "burst", settings.events()));
        }
        bursts.sort(Comparator.comparingDouble(Figures.Burst::writersPerSecond));
        Figures.Burst median = bursts.get(BURSTS / 2);
        Benchmarks.progress("  kafka %s burst, %d records (median of %d: %s records/s acked): producer acked %.0f "
                + "records/s; consumed %.0f records/s; %d per-key order violations", name, settings.events(), BURSTS,
                bursts.stream().map(b -> String.format("%.0f", b.writersPerSecond())).toList(),
                median.writersPerSecond(), median.drainPerSecond(), median.reorders());
        return median;
    }

    /** {@code records} sent as fast as the producer takes them; "writers" time = until the last ack. */
    private Figures.Burst burst(KafkaProducer<String, byte[]> producer, String phase, int records) {
        EventPlan plan = new EventPlan("kafka-" + phase, records, settings.keys(), settings.payloadBytes());
        long[] sent = new long[records];
        CountDownLatch acked = new CountDownLatch(records);
        AtomicLong lastAck = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        // Built before the clock starts: the floor is the producer's, not JSON's or UUID's.
        List<ProducerRecord<String, byte[]>> built = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            built.add(record(plan, i));
        }
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), TOPIC, plan)) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                ProducerRecord<String, byte[]> record = built.get(i);
                sent[i] = System.nanoTime();
                producer.send(record, (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    acked.countDown();
                });
            }
            await(acked, failure);
            long acking = lastAck.get() - start;
            boolean complete = receiver.awaitAll(Phases.drainTimeout(records));
            long end = complete ? receiver.lastNanos() : System.nanoTime();
            return new Figures.Burst(records, acking / 1e9, (end - start) / 1e9, receiver.distinct(),
                    receiver.duplicates(), receiver.reorders(), Latencies.between(sent, receiver.receivedNanos()));
        }
    }

    private Figures.Paced paced(KafkaProducer<String, byte[]> producer) {
        int records = settings.pacedEvents();
        EventPlan plan = new EventPlan("kafka-paced", records, settings.keys(), settings.payloadBytes());
        long[] sent = new long[records];
        CountDownLatch acked = new CountDownLatch(records);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (Receiver receiver = new Receiver(infrastructure.bootstrapServers(), TOPIC, plan)) {
            Pacer pacer = new Pacer(settings.rate());
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                ProducerRecord<String, byte[]> record = record(plan, i);
                pacer.awaitTick(i);
                sent[i] = System.nanoTime();
                producer.send(record, (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                    acked.countDown();
                });
            }
            await(acked, failure);
            long elapsed = System.nanoTime() - start;
            receiver.awaitAll(Phases.drainTimeout(records));
            return new Figures.Paced(records, settings.rate(), elapsed / 1e9, receiver.distinct(),
                    receiver.duplicates(), receiver.reorders(), Latencies.between(sent, receiver.receivedNanos()));
        }
    }

    private static ProducerRecord<String, byte[]> record(EventPlan plan, int i) {
        return record(TOPIC, plan, i);
    }

    /** Event {@code i} of {@code plan} as the relay would send it to {@code topic}. */
    static ProducerRecord<String, byte[]> record(String topic, EventPlan plan, int i) {
        EventCatalog entry = EventCatalog.COHORT_FILLED;
        return CloudEventRecords.of(topic, plan.key(i), UUID.randomUUID(), entry.type(), "/aula/benchmark",
                Instant.now(), plan.key(i), plan.json(i));
    }

    static void await(CountDownLatch acked, AtomicReference<Exception> failure) {
        try {
            if (!acked.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the broker did not acknowledge every record within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a send failed", failure.get());
        }
    }
}
