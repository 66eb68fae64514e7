package org.aula.events.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Makes a consumer that retries a failure visible: {@code aula.messaging.consumer.stalled} (seconds) tells, per
 * consumer group and topic, how long its oldest failing record has been failing, 0 when nothing fails;
 * {@code aula.messaging.consumer.failures} counts failed deliveries by kind ({@link Failures.Kind}) and component
 * (database, broker, other). A transient failure is retried for as long as it lasts, so these are what an alert
 * watches; the consumer's log says why, once per record and then every minute.
 *
 * <p>Fed by the listener containers as their record and batch interceptor: a failure starts (or continues) a
 * stall of its partition, a success or a dead letter ends it.
 */
public class ConsumerStalls implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConsumerStalls.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<Key, Stall> stalls = new ConcurrentHashMap<>();
    private final Map<GroupTopic, Boolean> gauges = new ConcurrentHashMap<>();

    ConsumerStalls(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    private record Key(String group, String topic, int partition) {
    }

    private record GroupTopic(String group, String topic) {
    }

    private record Stall(Instant since, Instant lastLogged, long offset) {
    }

    /** Seconds the oldest failing record of this group and topic has been failing; 0 when none fails. */
    public double stalledSeconds(String group, String topic) {
        Instant now = clock.instant();
        return stalls.entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(group) && entry.getKey().topic().equals(topic))
                .mapToDouble(entry -> Duration.between(entry.getValue().since(), now).toMillis() / 1000.0)
                .max().orElse(0);
    }

    void failed(String group, ConsumerRecord<?, ?> record, Exception exception) {
        Failures.Kind kind = Failures.classify(exception);
        String component = Failures.component(exception);
        Counter.builder("aula.messaging.consumer.failures")
                .description("Failed deliveries of a record to a listener, by kind of failure")
                .tag("group", group).tag("topic", record.topic())
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT)).tag("component", component)
                .register(meters).increment();
        registerGauge(group, record.topic());
        Instant now = clock.instant();
        Key key = new Key(group, record.topic(), record.partition());
        Stall stall = stalls.compute(key, (k, existing) -> existing == null || existing.offset() != record.offset()
                ? new Stall(now, Instant.EPOCH, record.offset()) : existing);
        if (Duration.between(stall.lastLogged(), now).compareTo(LOG_EVERY) >= 0) {
            stalls.computeIfPresent(key, (k, s) -> new Stall(s.since(), now, s.offset()));
            // The exception's class and SQLSTATE only: messages may quote personal data from the record.
            log.warn("consumer {} stalled on {}-{}@{} for {} s: {} failure of the {} ({}); {}", group, record.topic(),
                    record.partition(), record.offset(), Duration.between(stall.since(), now).toSeconds(),
                    kind.name().toLowerCase(java.util.Locale.ROOT), component, Failures.describe(exception),
                    kind == Failures.Kind.TRANSIENT ? "retrying until it passes" : "retrying, then dead-lettering");
        }
    }

    void cleared(String group, String topic, int partition) {
        Stall stall = stalls.remove(new Key(group, topic, partition));
        if (stall != null) {
            log.info("consumer {} resumed on {}-{} after {} s", group, topic, partition,
                    Duration.between(stall.since(), clock.instant()).toSeconds());
        }
    }

    private void registerGauge(String group, String topic) {
        gauges.computeIfAbsent(new GroupTopic(group, topic), gt -> {
            Gauge.builder("aula.messaging.consumer.stalled", this, stalls -> stalls.stalledSeconds(group, topic))
                    .description("How long the oldest record a consumer keeps failing on has been failing (0: none)")
                    .baseUnit("seconds")
                    .tag("group", group).tag("topic", topic)
                    .register(meters);
            return Boolean.TRUE;
        });
    }

    private static String group(Consumer<?, ?> consumer) {
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        cleared(group(consumer), record.topic(), record.partition());
    }

    @Override
    public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
        failed(group(consumer), record, exception);
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        String group = group(consumer);
        for (TopicPartition partition : records.partitions()) {
            cleared(group, partition.topic(), partition.partition());
        }
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception, Consumer<Object, Object> consumer) {
        String group = group(consumer);
        // The failing record, when the listener named it; else the first of each partition stands for the batch.
        if (exception instanceof org.springframework.kafka.listener.BatchListenerFailedException named && named.getRecord() != null) {
            failed(group, named.getRecord(), exception);
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            records.records(partition).stream().findFirst().ifPresent(first -> failed(group, first, exception));
        }
    }

    /** A dead letter ends its partition's stall: the consumer moves on. */
    void deadLettered(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
        cleared(group(consumer), record.topic(), record.partition());
    }
}
