package org.aula.testsupport.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aula.events.Topics;
import org.aula.testsupport.TestInfrastructure;

/**
 * The dead letters written to any of Aula's dead-letter topics since it was opened, counted for some record keys
 * only (other tests share the broker).
 */
public final class DeadLetterCount implements AutoCloseable {

    private static final List<String> SOURCES = List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public DeadLetterCount() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        for (String source : SOURCES) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.deadLetterOf(source), Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** How many dead letters keyed by one of {@code keys} arrived since this was opened. */
    public long of(Set<String> keys) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long count = 0;
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key() != null && keys.contains(record.key())) {
                    count++;
                }
            }
        }
        return count;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
