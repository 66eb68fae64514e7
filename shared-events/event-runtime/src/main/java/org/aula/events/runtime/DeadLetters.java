package org.aula.events.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.aula.events.CloudEventHeaders;
import org.aula.events.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operators' dead-letter tool, as the actuator endpoint {@code /actuator/deadletters}
 * (operations role): lists what the dead-letter topics hold, with the reason, and redrives one
 * record to the topic it came from once its cause is fixed. Redriving an event that had already
 * taken effect is harmless: the inbox skips it.
 */
@Endpoint(id = "deadletters")
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final List<String> SOURCES = List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka) {
        this.consumers = consumers;
        this.kafka = kafka;
    }

    /** One dead letter: where it is, where it came from, what it is and why it failed. */
    public record DeadLetter(String topic, int partition, long offset, Instant timestamp, String key,
            String originalTopic, Integer originalPartition, Long originalOffset, String type, String id, String reason) {
    }

    /** Where a redriven record went. */
    public record Redriven(String topic, int partition, long offset, String fromTopic, int fromPartition, long fromOffset) {
    }

    /** The dead letters of Aula's topics, oldest first, at most {@code limit} (default 100). */
    @ReadOperation
    public List<DeadLetter> list(@Nullable Integer limit) {
        int max = limit == null || limit <= 0 ? 100 : limit;
        List<DeadLetter> letters = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String source : SOURCES) {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.deadLetterOf(source), Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (letters.size() < max && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (letters.size() < max) {
                        letters.add(describe(record));
                    }
                }
            }
        }
        return letters;
    }

    /** Sends the dead letter at {@code topic}/{@code partition}/{@code offset} back to its source topic. */
    @WriteOperation
    public Redriven redrive(String topic, int partition, long offset) {
        if (!topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            throw new InvalidEndpointRequestException("not a dead-letter topic: " + topic, "not a dead-letter topic");
        }
        ConsumerRecord<String, byte[]> letter = read(new TopicPartition(topic, partition), offset);
        String source = headerText(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (source == null) {
            source = topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length());
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            // The original CloudEvents headers travel on; the dead-letter bookkeeping does not.
            if (!header.key().startsWith("kafka_dlt") && !header.key().equals(MessagingAutoConfiguration.DEAD_LETTER_REASON)) {
                headers.add(header);
            }
        }
        try {
            var sent = kafka.send(new ProducerRecord<>(source, null, letter.key(), letter.value(), headers)).get(30, TimeUnit.SECONDS);
            log.info("redrove {}-{}@{} to {}-{}@{}", topic, partition, offset, source,
                    sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset());
            return new Redriven(source, sent.getRecordMetadata().partition(), sent.getRecordMetadata().offset(),
                    topic, partition, offset);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while redriving", e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the redriven record: " + e.getMessage(), e);
        }
    }

    private ConsumerRecord<String, byte[]> read(TopicPartition partition, long offset) {
        try (Consumer<String, byte[]> consumer = reader()) {
            consumer.assign(List.of(partition));
            Long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (end == null || offset < 0 || offset >= end) {
                throw new InvalidEndpointRequestException("no dead letter at " + partition + "@" + offset, "no such dead letter");
            }
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new InvalidEndpointRequestException("no dead letter at " + partition + "@" + offset, "no such dead letter");
    }

    private Consumer<String, byte[]> reader() {
        Properties overrides = new Properties();
        // A reader, not a member of the service's group: it must never commit or rebalance anything.
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.GROUP_ID_CONFIG, "aula-deadletters-reader");
        return consumers.createConsumer("aula-deadletters-reader", null, "-deadletters", overrides);
    }

    private static DeadLetter describe(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), headerText(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                headerInt(record, KafkaHeaders.DLT_ORIGINAL_PARTITION), headerLong(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                headerText(record, CloudEventHeaders.TYPE), headerText(record, CloudEventHeaders.ID),
                headerText(record, MessagingAutoConfiguration.DEAD_LETTER_REASON));
    }

    private static String headerText(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer headerInt(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != Integer.BYTES ? null : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long headerLong(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != Long.BYTES ? null : ByteBuffer.wrap(header.value()).getLong();
    }
}
