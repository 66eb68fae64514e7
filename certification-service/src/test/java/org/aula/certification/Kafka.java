package org.aula.certification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.aula.events.AulaEvent;
import org.aula.events.CourseCompleted;
import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the shared test broker, as session-service and a partner would use them. */
final class Kafka {

    static final String SESSION_SERVICE = "/aula/session-service";

    private static KafkaProducer<String, byte[]> producer;

    private Kafka() {
    }

    /** The record session-service's relay would write for this completion under this event id. */
    static ProducerRecord<String, byte[]> record(CourseCompleted completion, UUID eventId) {
        return CloudEventRecords.of(completion, eventId, SESSION_SERVICE, Instant.now());
    }

    static void publish(CourseCompleted completion, UUID eventId) {
        publish(record(completion, eventId));
    }

    /** Publishes any fact as the service that owns it would (its source derived from the topic). */
    static void publish(AulaEvent event, UUID eventId) {
        String source = switch (event.catalogEntry().topic()) {
            case Topics.ENROLLMENT -> "/aula/enrollment-service";
            case Topics.SESSION -> SESSION_SERVICE;
            default -> "/aula/certification-service";
        };
        publish(CloudEventRecords.of(event, eventId, source, Instant.now()));
    }

    static synchronized void publish(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    /**
     * Reads a whole topic from its beginning, without a consumer group, keeping what it has seen.
     * Call it from one thread at a time (Awaitility: {@code pollInSameThread()}).
     */
    static final class TopicProbe implements AutoCloseable {

        private final String topic;
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        TopicProbe(String topic) {
            this.topic = topic;
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer());
        }

        /** Polls once more, then answers every record seen so far that matches. */
        List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> filter) {
            if (consumer.assignment().isEmpty() && !assignAllPartitions()) {
                return List.of();
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            return seen.stream().filter(filter).toList();
        }

        // The service declares its topics when it starts, which may be after this probe was opened.
        private boolean assignAllPartitions() {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return false;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return true;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
