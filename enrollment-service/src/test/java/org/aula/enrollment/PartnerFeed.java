package org.aula.enrollment;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aula.enrollment.EnrollmentTopic.Received;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.TestInfrastructure;

/** A partner's consumer of one feed topic (no group: it assigns itself every partition). */
final class PartnerFeed implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    private PartnerFeed(String topic, boolean fromStart) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "partner-feed-it-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    static PartnerFeed fromStart(String topic) {
        return new PartnerFeed(topic, true);
    }

    static PartnerFeed fromEnd(String topic) {
        return new PartnerFeed(topic, false);
    }

    /** Waits until the feed's events under a key (a cohort) satisfy {@code done}, then reads on a little to catch any surplus. */
    List<Received> awaitEvents(String key, Predicate<List<Received>> done) {
        awaitRecords(record -> key.equals(record.key()), records -> done.test(decoded(records)));
        poll(Duration.ofMillis(500));
        return decoded(records.stream().filter(record -> key.equals(record.key())).toList());
    }

    List<ConsumerRecord<String, byte[]>> awaitRecords(Predicate<ConsumerRecord<String, byte[]>> which,
            Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            poll(Duration.ofMillis(200));
            return done.test(records.stream().filter(which).toList());
        });
        return records.stream().filter(which).toList();
    }

    /** The events read so far under a key, in topic order. */
    List<Received> events(String key) {
        return decoded(records.stream().filter(record -> key.equals(record.key())).toList());
    }

    Collection<String> values() {
        return records.stream().map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(records::add);
    }

    private static List<Received> decoded(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> new Received(IncomingEvent.from(record), record.partition(), record.offset()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
