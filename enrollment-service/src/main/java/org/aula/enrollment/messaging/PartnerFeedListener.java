package org.aula.enrollment.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
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
import org.slf4j.Logger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derives the partner feeds from {@code enrollment.events}, {@code session.events} and
 * {@code certification.events}. An institution's feed, {@code partner.<institutionCode>.enrollment}, gets the whole
 * story of its own officials: every record whose data names its {@code institutionCode} (enrolments, waitlist
 * places, withdrawals, seat offers and counts; completion decisions; certificates and diplomas), every record about
 * one of its officials that names no institution (a {@code certificate.revoked}: the institution that nominated the
 * participant to that cohort, from this service's own records), and the calls for nominations, which name nobody
 * and go to every catalogued institution's feed ({@code cohort.scheduled}, {@code cohort.status-changed}). Every
 * {@code enrolment-counts.changed} also goes to {@code partner.aggregate.enrollment} keyed
 * {@code <cohortId>:<institution>}; certification's {@code completion-counts.changed} (counts, no person) goes
 * there only, keyed {@code <cohortId>:<institution>:completions}, never to an institution's feed; and every {@code participant.erased} to the feed of each institution its
 * {@code institutionCodes} names. A copy is the record as published: same value, same headers (the CloudEvents
 * {@code ce_id} included, so partners deduplicate exactly as on the source topic), and, on an institution's feed,
 * the same key (the cohort id for enrollment and session events, the participant id for certification events and
 * erasures), so one cohort's, or one participant's, events keep their order.
 *
 * <p>At least once: a batch's offsets are committed only after the broker acknowledged every copy, so a crash
 * or a failed send copies the batch again; partners drop the repeats by {@code ce_id}, as they must anyway,
 * because the outbox relay that publishes {@code enrollment.events} is at least once too (Kafka transactions
 * here would not remove those). Unlike the other consumers, the router keeps no inbox: it changes nothing in
 * the database, and forwarding Aula's own, already published records is not publishing new facts (the outbox's
 * job); it is the one class allowed a Kafka producer.
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.partner-feeds.enabled", matchIfMissing = true)
class PartnerFeedListener {

    static final String LISTENER = "enrollment-partner-feeds";

    private static final Logger log = LoggerFactory.getLogger(PartnerFeedListener.class);
    private static final String COUNTS_TYPE = EventCatalog.ENROLMENT_COUNTS_CHANGED.type();
    /**
     * Counts that go to the aggregate feed only, never to an institution's feed: certification's completion counts
     * name an institution but no official (partners have each of their officials' decisions and certificates).
     */
    static final Set<String> AGGREGATE_ONLY = Set.of(EventCatalog.COMPLETION_COUNTS_CHANGED.type());
    /** Completion counts share the aggregate feed with enrolment counts under keys of their own. */
    static final String COMPLETIONS_KEY_SUFFIX = ":completions";
    private static final String ERASED_TYPE = EventCatalog.PARTICIPANT_ERASED.type();
    /** Calls for nominations: they name no official, so every institution's feed gets them. */
    static final Set<String> CALLS = Set.of(EventCatalog.COHORT_SCHEDULED.type(), EventCatalog.COHORT_STATUS_CHANGED.type());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> kafka;
    private final PartnerTopics topics;
    private final EnrollmentProperties.PartnerFeeds settings;
    private final MeterRegistry meters;
    private final Directory directory;

    PartnerFeedListener(KafkaProperties kafkaProperties, PartnerTopics topics, EnrollmentProperties properties,
            MeterRegistry meters, Directory directory) {
        // A producer of its own, not the outbox relay's: a copy stuck on a partner topic must never hold up the
        // relay (a flush waits for everything its producer has in flight). One request in flight per connection:
        // retries can then never reorder batches, so the idempotent producer's sequence numbers stay in step even
        // on a topic created a moment ago.
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, LISTENER + "-" + UUID.randomUUID());
        this.producers = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        this.kafka = new KafkaTemplate<>(producers);
        this.topics = topics;
        this.settings = properties.partnerFeeds();
        this.meters = meters;
        this.directory = directory;
    }

    /** What routing reads besides the record itself (see {@link PartnerFeedDirectory}). */
    interface Directory {

        /** Every institution of the catalogue: whose feeds get the calls for nominations. */
        List<InstitutionCode> institutions();

        /**
         * Whose official a participant is: the institution that nominated them to the cohort, or, without a cohort
         * (or an enrolment in it), the institution on their record; empty for a participant this service never had.
         */
        Optional<InstitutionCode> institutionOf(@Nullable String cohortId, String participantId);
    }

    @PreDestroy
    void close() {
        producers.destroy();
    }

    @KafkaListener(id = LISTENER, topics = {Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION}, groupId = "${aula.enrollment.partner-feeds.consumer-group:enrollment-service-partner-feeds}",
            batch = "true")
    void route(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        // Which record each copy came from: a failure names that record, so the error handler commits the records
        // before it, retries from it (until it passes, if the broker is away), and dead-letters only that one if it
        // can never pass; another institution's records are never dead-lettered with it.
        List<CompletableFuture<?>> acks = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            List<ProducerRecord<String, byte[]>> copies;
            try {
                copies = copiesOf(record);
            } catch (RuntimeException e) {
                throw failedAt(records, index, "partner feed topic or routing data not ready", e);
            }
            for (ProducerRecord<String, byte[]> copy : copies) {
                try {
                    acks.add(kafka.send(copy));
                } catch (RuntimeException e) {
                    throw failedAt(records, index, "partner feed copy not sent", e);
                }
                sources.add(index);
            }
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
                // Thrown, this record and the rest are delivered again (their offsets are not committed): at least once.
                throw failedAt(records, sources.get(i), "broker did not acknowledge a partner feed copy",
                        e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    private static BatchListenerFailedException failedAt(List<ConsumerRecord<String, byte[]>> records, int index,
            String what, Throwable cause) {
        ConsumerRecord<String, byte[]> record = records.get(index);
        return new BatchListenerFailedException(what + " for " + record.topic() + "-" + record.partition() + "@"
                + record.offset(), cause, index);
    }

    /** Where a copy of a record goes: a topic and the key it gets there. */
    record Route(String topic, String key) {
    }

    /**
     * Where copies of one record go: nowhere, to the feed of the institution whose official it is about (named by
     * its data, or else looked up in the {@code directory}), to every catalogued institution's feed for a call for
     * nominations, and for {@code enrolment-counts.changed} also to the aggregate feed, keyed
     * {@code <cohortId>:<institution>}; a {@code completion-counts.changed} to the aggregate feed only, keyed
     * {@code <cohortId>:<institution>:completions}; a {@code participant.erased} to the feed of each institution it
     * names.
     */
    static List<Route> routes(ConsumerRecord<String, byte[]> record, Directory directory) {
        JsonNode data = data(record);
        if (data == null) {
            return List.of();
        }
        String type = header(record, CloudEventHeaders.TYPE);
        if (ERASED_TYPE.equals(type)) {
            return erasureNotices(record, data);
        }
        if (type != null && CALLS.contains(type)) {
            return directory.institutions().stream()
                    .map(institution -> new Route(PartnerTopics.feedOf(institution), record.key())).toList();
        }
        if (type != null && AGGREGATE_ONLY.contains(type)) {
            return completionCounts(data);
        }
        Optional<InstitutionCode> whose = institutionOf(data, directory);
        if (whose.isEmpty()) {
            return List.of();
        }
        InstitutionCode institution = whose.get();
        List<Route> routes = new ArrayList<>();
        routes.add(new Route(PartnerTopics.feedOf(institution), record.key()));
        JsonNode cohort = data.get("cohortId");
        if (COUNTS_TYPE.equals(header(record, CloudEventHeaders.TYPE)) && cohort != null && cohort.isString()) {
            // Compacted by this key: the latest counts of each cohort and institution are kept for ever.
            routes.add(new Route(PartnerTopics.AGGREGATE, cohort.asString() + ":" + institution.value()));
        }
        return routes;
    }

    /** A {@code completion-counts.changed}: the aggregate feed, under a key beside (never over) the enrolment counts. */
    private static List<Route> completionCounts(JsonNode data) {
        JsonNode cohort = data.get("cohortId");
        JsonNode institution = data.get("institutionCode");
        if (cohort == null || !cohort.isString() || institution == null || !institution.isString()
                || !institution.asString().matches(InstitutionCode.PATTERN)) {
            return List.of();
        }
        // Compacted by this key: the latest completion counts of each cohort and institution are kept for ever.
        return List.of(new Route(PartnerTopics.AGGREGATE, cohort.asString() + ":" + institution.asString()
                + COMPLETIONS_KEY_SUFFIX));
    }

    /**
     * The institution whose official a record is about: the {@code institutionCode} of its data, or, for a record
     * about a participant that names none (a {@code certificate.revoked}), the one that nominated them.
     */
    private static Optional<InstitutionCode> institutionOf(JsonNode data, Directory directory) {
        JsonNode code = data.get("institutionCode");
        if (code != null) {
            return code.isString() && code.asString().matches(InstitutionCode.PATTERN)
                    ? Optional.of(new InstitutionCode(code.asString()))
                    : Optional.empty();
        }
        JsonNode participant = data.get("participantId");
        if (participant == null || !participant.isString()) {
            return Optional.empty();
        }
        JsonNode cohort = data.get("cohortId");
        return directory.institutionOf(cohort != null && cohort.isString() ? cohort.asString() : null,
                participant.asString());
    }

    /**
     * {@code participant.erased} goes to the feed of every institution it names (those whose feeds carried the
     * participant), under its own key (the participant id): the partner's notice to erase what it holds.
     */
    private static List<Route> erasureNotices(ConsumerRecord<String, byte[]> record, JsonNode data) {
        JsonNode codes = data.get("institutionCodes");
        if (codes == null || !codes.isArray()) {
            return List.of();
        }
        List<Route> routes = new ArrayList<>();
        for (JsonNode code : codes) {
            if (code.isString() && code.asString().matches(InstitutionCode.PATTERN)) {
                Route route = new Route(PartnerTopics.feedOf(new InstitutionCode(code.asString())), record.key());
                if (!routes.contains(route)) {
                    routes.add(route);
                }
            }
        }
        return routes;
    }

    private List<ProducerRecord<String, byte[]>> copiesOf(ConsumerRecord<String, byte[]> record) {
        List<ProducerRecord<String, byte[]>> copies = new ArrayList<>();
        for (Route route : routes(record, directory)) {
            if (route.topic().equals(PartnerTopics.AGGREGATE)) {
                topics.ensureAggregate();
                count("aggregate");
            } else {
                topics.ensureTopic(route.topic());
                count("institution");
            }
            copies.add(copy(record, route.topic(), route.key()));
        }
        return copies;
    }

    private static ProducerRecord<String, byte[]> copy(ConsumerRecord<String, byte[]> record, String topic, String key) {
        // Headers copied, not shared: a producer makes a record's headers read-only when it sends it.
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(header -> headers.add(header.key(), header.value()));
        return new ProducerRecord<>(topic, null, key, record.value(), headers);
    }

    private static @Nullable JsonNode data(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            JsonNode data = JSON.readTree(record.value());
            return data != null && data.isObject() ? data : null;
        } catch (JacksonException e) {
            // Not ours to judge: the consumers of the source topic dead-letter undecodable records.
            log.warn("Partner feeds skip {}-{}@{}: the value is not a JSON object", record.topic(), record.partition(),
                    record.offset());
            return null;
        }
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void count(String feed) {
        Counter.builder("aula.enrollment.partner.feed.copies")
                .description("Records copied from Aula's event topics to the partner feeds")
                .tag("feed", feed)
                .register(meters)
                .increment();
    }
}
