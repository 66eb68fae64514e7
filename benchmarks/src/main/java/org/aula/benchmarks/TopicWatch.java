package org.aula.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.aula.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the services' topics from their end, as a partner's consumer would, and keeps every record's key, CloudEvents
 * type, JSON value and arrival ({@link System#nanoTime()}), so that a measurement can count the events a stimulus
 * caused and time their arrival.
 */
final class TopicWatch implements AutoCloseable {

    /** One record as it arrived. */
    record Seen(String topic, String key, String type, String data, long nanos) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final List<Seen> seen = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean catchUpRequested;
    private volatile boolean caughtUp;
    private volatile RuntimeException failure;

    TopicWatch(String bootstrapServers, List<String> topics) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> run(topics), "benchmark-topic-watch");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("topic watch not positioned on " + topics + " within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run(List<String> topics) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            Map<TopicPartition, Long> ends = null;
            while (running) {
                var records = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                synchronized (seen) {
                    for (ConsumerRecord<String, byte[]> record : records) {
                        seen.add(new Seen(record.topic(), record.key(), header(record, CloudEventHeaders.TYPE),
                                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8), now));
                    }
                }
                if (catchUpRequested && ends == null) {
                    ends = consumer.endOffsets(partitions);
                }
                if (ends != null && !caughtUp) {
                    caughtUp = ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
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

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The records seen so far that match. */
    List<Seen> matching(Predicate<Seen> filter) {
        synchronized (seen) {
            return seen.stream().filter(filter).toList();
        }
    }

    /** Waits until {@code enough} holds for what was seen, or the timeout passed; true if it held. */
    boolean await(Predicate<TopicWatch> enough, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                throw failure;
            }
            if (enough.test(this)) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return enough.test(this);
    }

    /**
     * Waits until the watch has read every partition up to its end as of the first call, so that a surplus would
     * show; once per watch.
     */
    boolean awaitCaughtUp(Duration timeout) {
        catchUpRequested = true;
        return await(watch -> watch.caughtUp, timeout);
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
