package org.aula.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one phase's events from the end of a topic on its own thread: when each event first arrived
 * ({@link System#nanoTime()}, the clock the writers' after-commit hooks use), how many came twice, and how many
 * came after a later event of their key (per-key order violations).
 */
final class Receiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventPlan plan;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final long[] receivedNanos;
    private final int[] highestFill;
    private int distinct;
    private int duplicates;
    private int reorders;
    private long lastNanos;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    Receiver(String bootstrapServers, String topic, EventPlan plan) {
        this.plan = plan;
        this.receivedNanos = new long[plan.events()];
        this.highestFill = new int[plan.keys()];
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> run(topic), "benchmark-receiver-" + plan.run());
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("receiver not positioned on " + topic + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(String topic) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // Resolve the end offsets now, before anything is written, so that nothing of this phase is skipped.
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                synchronized (this) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        accept(record, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            positioned.countDown();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record, long now) {
        if (record.key() == null || !record.key().startsWith(plan.run())) {
            return;
        }
        JsonNode fill = JSON.readTree(record.value()).get("fillNumber");
        int fillNumber = fill == null ? -1 : fill.asInt();
        int i = plan.indexOf(record.key(), fillNumber);
        if (i < 0) {
            return;
        }
        if (receivedNanos[i] != 0) {
            duplicates++;
            return;
        }
        receivedNanos[i] = now;
        distinct++;
        lastNanos = now;
        int key = plan.keyIndexOf(record.key());
        if (fillNumber < highestFill[key]) {
            reorders++;
        } else {
            highestFill[key] = fillNumber;
        }
    }

    /** Waits until every event of the plan arrived or the timeout passed; true if all arrived. */
    boolean awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                throw failure;
            }
            synchronized (this) {
                if (distinct >= plan.events()) {
                    return true;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return false;
    }

    synchronized int distinct() {
        return distinct;
    }

    synchronized int duplicates() {
        return duplicates;
    }

    synchronized int reorders() {
        return reorders;
    }

    synchronized long lastNanos() {
        return lastNanos;
    }

    synchronized long[] receivedNanos() {
        return receivedNanos.clone();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
