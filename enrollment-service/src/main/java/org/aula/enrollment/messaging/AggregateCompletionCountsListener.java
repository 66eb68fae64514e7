package org.aula.enrollment.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.events.CloudEventHeaders;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards certification-service's {@code completion-counts.changed} (counts only, no personal
 * data) from {@code certification.events} to {@code partner.aggregate.enrollment}, keyed
 * {@code <cohortId>:<institution>:completions} so compaction keeps the latest completion counts of
 * each cohort and institution beside (never over) its enrolment counts. Every other certification
 * fact stays where it is: they name people. A copy is the record as published (same value and
 * headers, {@code ce_id} included), at least once, committed after the broker acknowledged it, as
 * {@link PartnerFeedListener} does for {@code enrollment.events}.
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.partner-feeds.enabled", matchIfMissing = true)
class AggregateCompletionCountsListener {

    static final String LISTENER = "enrollment-aggregate-completion-counts";
    static final String KEY_SUFFIX = ":completions";

    private static final String COUNTS_TYPE = EventCatalog.COMPLETION_COUNTS_CHANGED.type();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final PartnerTopics topics;
    private final EnrollmentProperties.PartnerFeeds settings;

    AggregateCompletionCountsListener(KafkaProperties kafkaProperties, PartnerTopics topics, EnrollmentProperties properties) {
        // A producer of its own, one request in flight: see PartnerFeedListener.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, LISTENER + "-" + UUID.randomUUID());
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.topics = topics;
        this.settings = properties.partnerFeeds();
    }

    @PreDestroy
    void close() {
        producers.destroy();
    }

    @KafkaListener(id = LISTENER, topics = Topics.CERTIFICATION,
            groupId = "${aula.enrollment.partner-feeds.consumer-group:enrollment-service-partner-feeds}-completion-counts",
            batch = "true")
    void forward(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            String key = aggregateKey(record);
            if (key == null) {
                continue;
            }
            try {
                topics.ensureAggregate();
                acks.add(kafka.send(copy(record, key)));
            } catch (RuntimeException e) {
                throw failedAt(records, index, "aggregate feed copy not sent", e);
            }
            sources.add(index);
        }
        if (acks.isEmpty()) {
            return;
        }
        kafka.flush();
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw failedAt(records, sources.get(i), "broker did not acknowledge an aggregate feed copy",
                        e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    /** {@code <cohortId>:<institution>:completions} for a {@code completion-counts.changed}; null for anything else. */
    static @Nullable String aggregateKey(ConsumerRecord<String, byte[]> record) {
        var type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || type.value() == null || !COUNTS_TYPE.equals(new String(type.value(), StandardCharsets.UTF_8))
                || record.value() == null) {
            return null;
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (JacksonException e) {
            return null;
        }
        if (data == null || !data.isObject()) {
            return null;
        }
        JsonNode cohort = data.get("cohortId");
        JsonNode institution = data.get("institutionCode");
        if (cohort == null || !cohort.isString() || institution == null || !institution.isString()
                || !institution.asString().matches(InstitutionCode.PATTERN)) {
            return null;
        }
        return cohort.asString() + ":" + institution.asString() + KEY_SUFFIX;
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String key) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(header -> headers.add(header.key(), header.value()));
        return new ProducerRecord<>(PartnerTopics.AGGREGATE, null, key, record.value(), headers);
    }

    private static BatchListenerFailedException failedAt(List<ConsumerRecord<String, byte[]>> records, int index,
            String what, Throwable cause) {
        ConsumerRecord<String, byte[]> record = records.get(index);
        return new BatchListenerFailedException(what + " for " + record.topic() + "-" + record.partition() + "@"
                + record.offset(), cause, index);
    }
}
