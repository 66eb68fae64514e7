package org.aula.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aula.events.runtime.IncomingEvent;
import org.aula.events.runtime.UndecodableEventException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Aula's topics from the beginning, in the background, the way a partner's consumer would
 * (no consumer group, nothing committed), and remembers each CloudEvent's id, type and cohort so
 * that one run's events can be counted among everything earlier runs left in the log.
 */
final class EventTally implements AutoCloseable {

    /** One event as seen on a topic. */
    record Seen(UUID id, String type, @Nullable String cohortId, String topic) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Seen> seen = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile long caughtUpCheckedAt;
    private volatile boolean caughtUp;
    private volatile @Nullable RuntimeException failure;

    EventTally(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "aula-seed-story-demo",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Reading must never create a topic as a side effect.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // The broker answers one request per connection at a time: an idle fetch parked for
                // the default 500 ms would hold up the end-offset check behind it.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, partition.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(this::poll, "aula-demo-event-tally");
        poller.setDaemon(true);
        poller.start();
    }

    /** Distinct events (by CloudEvents id) per type among those whose cohort matches. */
    Map<String, Integer> countsFor(Predicate<String> cohort) {
        Map<String, Set<UUID>> ids = new TreeMap<>();
        for (Seen event : snapshot()) {
            if (event.cohortId() != null && cohort.test(event.cohortId())) {
                ids.computeIfAbsent(event.type(), type -> new HashSet<>()).add(event.id());
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        ids.forEach((type, set) -> counts.put(type, set.size()));
        return counts;
    }

    /** Copies of the same event (same id) delivered more than once, among those whose cohort matches. */
    int redeliveriesFor(Predicate<String> cohort) {
        Map<UUID, Integer> copies = new HashMap<>();
        snapshot().stream().filter(event -> event.cohortId() != null && cohort.test(event.cohortId()))
                .forEach(event -> copies.merge(event.id(), 1, Integer::sum));
        return copies.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** How many records were read in all, this run's or not. */
    int totalSeen() {
        return snapshot().size();
    }

    /** Waits until the tally has read everything the topics held at the time of the call. */
    boolean awaitCaughtUp(Duration timeout) {
        long asked = System.nanoTime();
        long deadline = asked + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (failure != null) {
                throw failure;
            }
            if (caughtUp && caughtUpCheckedAt > asked) {
                return true;
            }
            pause();
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Seen> snapshot() {
        if (failure != null) {
            throw failure;
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void poll() {
        try {
            while (running) {
                List<Seen> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    read(record, batch);
                }
                synchronized (seen) {
                    seen.addAll(batch);
                }
                long checkStarted = System.nanoTime();
                boolean atEnd = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(5)).entrySet().stream()
                        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
                caughtUp = atEnd;
                caughtUpCheckedAt = checkStarted;
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private void read(ConsumerRecord<String, byte[]> record, List<Seen> batch) {
        try {
            IncomingEvent event = IncomingEvent.from(record);
            JsonNode data = json.readTree(event.data());
            JsonNode cohortId = data.path("cohortId");
            batch.add(new Seen(event.id(), event.type(), cohortId.isMissingNode() ? null : cohortId.asString(),
                    record.topic()));
        } catch (UndecodableEventException | tools.jackson.core.JacksonException e) {
            // Not an Aula event (someone else wrote to the topic): not ours to count.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
