package org.aula.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
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
 * The Kafka floor: one producer ({@code acks=all}, idempotent, Kafka 4's defaults otherwise) sending the very
 * records the relay sends (CloudEvents headers, ~1 KiB JSON value), no database; a consumer receiving them.
 */
final class RawKafka {

    static final String TOPIC = "bench.raw";

    private final Settings settings;
    private final Infrastructure infrastructure;

    RawKafka(Settings settings, Infrastructure infrastructure) {
        this.settings = settings;
        this.infrastructure = infrastructure;
    }

    /** The floor's figures: a burst (writers = the producer until its last ack) and a paced stream. */
    record Result(Figures.Burst burst, Figures.Paced paced) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("burst", Map.of(
                    "records", burst.events(),
                    "producer_acked_records_per_second", Figures.round(burst.writersPerSecond()),
                    "produce_to_consume_records_per_second", Figures.round(burst.drainPerSecond()),
                    "received", burst.received(),
                    "per_key_order_violations", burst.reorders(),
                    "send_to_consume", burst.latency().toMap()));
            map.put("paced", paced.toMap());
            return map;
        }
    }

    Result run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            // A whole burst to warm up: the floor runs first, on a cold JVM, and records cost it little time.
            Figures.Burst warmUp = burst(producer, "warmup", settings.events());
            Benchmarks.progress("  kafka warm-up, %d records: producer acked %.0f records/s", settings.events(),
                    warmUp.writersPerSecond());
            Figures.Burst burst = burst(producer, "burst", settings.events());
            Benchmarks.progress("  kafka burst, %d records: producer acked %.0f records/s; consumed %.0f records/s; "
                    + "%d per-key order violations", settings.events(), burst.writersPerSecond(),
                    burst.drainPerSecond(), burst.reorders());
            Figures.Paced paced = paced(producer);
            Benchmarks.progress("  kafka paced at %d/s for %d s: send->consume %s", settings.rate(), settings.seconds(),
                    paced);
            return new Result(burst, paced);
        }
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
        EventCatalog entry = EventCatalog.COHORT_FILLED;
        return CloudEventRecords.of(TOPIC, plan.key(i), UUID.randomUUID(), entry.type(), "/aula/benchmark",
                Instant.now(), plan.key(i), plan.json(i));
    }

    private static void await(CountDownLatch acked, AtomicReference<Exception> failure) {
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
