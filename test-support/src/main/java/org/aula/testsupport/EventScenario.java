package org.aula.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aula.events.AulaEvent;
import org.aula.events.CloudEventHeaders;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event flow asserted as a scenario on the shared test broker: open it on the topics a test watches, stimulate
 * (call the API, {@link #publish} an event), then wait for the events that match.
 *
 * <pre>{@code
 * try (EventScenario scenario = EventScenario.fromEnd(Topics.ENROLLMENT)) {
 *     api.schedule(cohort);
 *     scenario.awaitEvents(cohort, 2);                        // waits until two events keyed by the cohort came
 *     assertThat(scenario.settled(withKey(cohort))).hasSize(2); // and proves that no third one came meanwhile
 * }
 * }</pre>
 *
 * <p>{@link #settled} is the sentinel: to show that nothing else arrived, it writes a sentinel record to every
 * partition it watches and reads until each comes back. Whatever was on a partition before its sentinel has then
 * been read, without waiting a fixed time. Sentinels are well-formed CloudEvents of a type no service handles
 * ({@value #SENTINEL_TYPE}), so consumers skip them; every scenario hides them from its results.
 *
 * <p>Reads without a consumer group, {@code read_committed} (what a partner sees), and waits for topics a service
 * creates only when it starts: a topic that appears after the scenario opened is read from its beginning. Use one
 * scenario from one thread.
 */
public final class EventScenario implements AutoCloseable {

    /** How long a scenario waits for events, and a test for their effects. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    /** The CloudEvents type of a sentinel record. */
    public static final String SENTINEL_TYPE = "org.aula.test.sentinel.v1";

    private static final String SENTINEL_HEADER = "aula-test-sentinel";
    private static final String SENTINEL_SOURCE = "/aula/test-support";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static @Nullable KafkaProducer<String, byte[]> producer;

    private final List<String> topics;
    private final boolean fromStart;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<String> assignedTopics = new HashSet<>();
    private final List<Event> seen = new ArrayList<>();
    private final Set<String> sentinelsBack = new HashSet<>();

    private EventScenario(List<String> topics, boolean fromStart) {
        this.topics = topics;
        this.fromStart = fromStart;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "event-scenario-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        assignNewTopics(!fromStart);
    }

    /** Watches topics from where they end now: the test sees what it causes, not what earlier tests published. */
    public static EventScenario fromEnd(String... topics) {
        return new EventScenario(List.of(topics), false);
    }

    /** Watches topics from their beginning (a test then picks its own events by key). */
    public static EventScenario fromStart(String... topics) {
        return new EventScenario(List.of(topics), true);
    }

    // ---------------------------------------------------------------- stimulate

    /** Publishes an event as the service that owns it would, under a fresh event id, and returns the id. */
    public static UUID publish(AulaEvent event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    /** Publishes an event under the given event id (the same id again is a redelivery). */
    public static void publish(AulaEvent event, UUID id) {
        publish(record(event, id));
    }

    /** Publishes a record as it is, well-formed or not, and waits for the broker's ack. */
    public static void publish(ProducerRecord<String, byte[]> record) {
        acknowledged(producer().send(record), record.topic());
    }

    /**
     * The CloudEvent (binary mode) the owning service's relay would write for this event: the value is the event
     * as JSON, the attributes are {@code ce_*} headers. Written here as the CloudEvents Kafka binding describes it,
     * not with the runtime's own writer, so a test checks that writer rather than trusting it.
     */
    public static ProducerRecord<String, byte[]> record(AulaEvent event, UUID id) {
        EventCatalog entry = event.catalogEntry();
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id.toString());
        add(headers, CloudEventHeaders.SOURCE, sourceOf(entry.topic()));
        add(headers, CloudEventHeaders.TYPE, entry.type());
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.SUBJECT, event.key());
        add(headers, CloudEventHeaders.DATA_SCHEMA, entry.dataSchema());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return new ProducerRecord<>(entry.topic(), null, event.key(),
                JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The {@code ce_source} of the service that owns a topic ({@code enrollment.events}: {@code /aula/enrollment-service}). */
    public static String sourceOf(String topic) {
        return "/aula/" + topic.substring(0, topic.indexOf('.')) + "-service";
    }

    // ---------------------------------------------------------------- wait for events

    /** Waits until the matching events satisfy {@code done} and answers them, in the order read. */
    public List<Event> awaitEvents(Predicate<Event> which, Predicate<List<Event>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Event> found = of(which);
            if (done.test(found)) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + WAIT + " the events on " + topics + " did not come; read: " + found);
            }
        }
    }

    /** Waits until at least {@code count} events match and answers them all. */
    public List<Event> awaitEvents(Predicate<Event> which, int count) {
        return awaitEvents(which, found -> found.size() >= count);
    }

    /** Waits until the events under a key satisfy {@code done} and answers them, in topic order. */
    public List<Event> awaitEvents(String key, Predicate<List<Event>> done) {
        return awaitEvents(withKey(key), done);
    }

    /** Waits until at least {@code count} events under a key came and answers them all, in topic order. */
    public List<Event> awaitEvents(String key, int count) {
        return awaitEvents(withKey(key), count);
    }

    /** Waits until the events under a key have satisfied {@code done}, then answers them once nothing more is on the way ({@link #settled}). */
    public List<Event> awaitSettled(String key, Predicate<List<Event>> done) {
        awaitEvents(key, done);
        return settled(withKey(key));
    }

    /** Waits until the payloads of one contract type under a key satisfy {@code done}, and answers them. */
    public <T extends AulaEvent> List<T> awaitEvents(String key, Class<T> type, Predicate<List<T>> done) {
        String typeName = EventCatalog.of(type).type();
        List<Event> found = awaitEvents(withKey(key).and(ofType(typeName)),
                events -> done.test(events.stream().map(event -> event.as(type)).toList()));
        return found.stream().map(event -> event.as(type)).toList();
    }

    /** Waits until at least {@code count} payloads of one contract type came under a key. */
    public <T extends AulaEvent> List<T> awaitEvents(String key, Class<T> type, int count) {
        return awaitEvents(key, type, found -> found.size() >= count);
    }

    // ---------------------------------------------------------------- what was read

    /** The matching events read so far, after reading what has arrived meanwhile. */
    public List<Event> of(Predicate<Event> which) {
        pollOnce();
        return seen.stream().filter(which).toList();
    }

    /** The matching records read so far, as they are (for a test that reads headers of its own, such as a dead letter's). */
    public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> which) {
        return of(event -> which.test(event.record())).stream().map(Event::record).toList();
    }

    /** The events under a key read so far, in topic order (one key, one partition). */
    public List<Event> of(String key) {
        return of(withKey(key));
    }

    /** The events of some types under a key read so far. */
    public List<Event> of(String key, String... types) {
        return of(withKey(key).and(ofType(types)));
    }

    /** The events under a key read so far, but those of the given types. */
    public List<Event> without(String key, String... types) {
        return of(withKey(key).and(ofType(types).negate()));
    }

    /** The payloads of one contract type under a key read so far. */
    public <T extends AulaEvent> List<T> of(String key, Class<T> type) {
        return of(key, EventCatalog.of(type).type()).stream().map(event -> event.as(type)).toList();
    }

    /**
     * The matching events once everything published until now has been read: writes a sentinel to every watched
     * partition and reads until each one is back. A test asserts on the answer that nothing else (or nothing more)
     * came, without a fixed wait.
     */
    public List<Event> settled(Predicate<Event> which) {
        assignNewTopics(false);
        Set<String> sentinels = new LinkedHashSet<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            String id = UUID.randomUUID().toString();
            sentinels.add(id);
            acks.add(producer().send(sentinel(partition, id)));
        }
        acks.forEach(ack -> acknowledged(ack, "a sentinel"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!sentinelsBack.containsAll(sentinels)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + WAIT + " the sentinels on " + topics + " did not come back");
            }
            pollOnce();
        }
        return seen.stream().filter(which).toList();
    }

    /** A record's value as a JSON tree. */
    public static JsonNode dataOf(ConsumerRecord<String, byte[]> record) {
        return new Event(record).data();
    }

    // ---------------------------------------------------------------- predicates

    /** Events under this record key. */
    public static Predicate<Event> withKey(String key) {
        return event -> key.equals(event.key());
    }

    /** Events of one of these CloudEvents types. */
    public static Predicate<Event> ofType(String... types) {
        List<String> wanted = List.of(types);
        return event -> wanted.contains(event.header(CloudEventHeaders.TYPE));
    }

    /** Events of this contract type. */
    public static Predicate<Event> ofType(EventCatalog entry) {
        return ofType(entry.type());
    }

    @Override
    public void close() {
        consumer.close();
    }

    private void pollOnce() {
        assignNewTopics(false);
        if (consumer.assignment().isEmpty()) {
            return;
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
            Header sentinel = record.headers().lastHeader(SENTINEL_HEADER);
            if (sentinel != null) {
                sentinelsBack.add(new String(sentinel.value(), StandardCharsets.UTF_8));
            } else {
                seen.add(new Event(record));
            }
        }
    }

    // A topic that exists when the scenario opens is read from its end (unless fromStart); one a service creates
    // later is read from its beginning: all of it came after the scenario opened.
    private void assignNewTopics(boolean atEnd) {
        List<TopicPartition> added = new ArrayList<>();
        for (String topic : topics) {
            if (!assignedTopics.contains(topic)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(5)).forEach(info ->
                        added.add(new TopicPartition(topic, info.partition())));
            }
        }
        if (added.isEmpty()) {
            return;
        }
        List<TopicPartition> all = new ArrayList<>(consumer.assignment());
        all.addAll(added);
        consumer.assign(all);
        if (atEnd) {
            consumer.seekToEnd(added);
        } else {
            consumer.seekToBeginning(added);
        }
        // Seeking is lazy: resolve the positions now, before the test stimulates anything.
        added.forEach(consumer::position);
        added.forEach(partition -> assignedTopics.add(partition.topic()));
    }

    private static ProducerRecord<String, byte[]> sentinel(TopicPartition partition, String id) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.SOURCE, SENTINEL_SOURCE);
        add(headers, CloudEventHeaders.TYPE, SENTINEL_TYPE);
        add(headers, CloudEventHeaders.TIME, Instant.now().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        add(headers, SENTINEL_HEADER, id);
        return new ProducerRecord<>(partition.topic(), partition.partition(), "sentinel-" + id,
                ("{\"sentinel\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8), headers);
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static void acknowledged(Future<RecordMetadata> ack, String what) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take " + what, e);
        }
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A record as read: its place on the topic, its CloudEvents attributes ({@code ce_*} headers) and its JSON
     * value. The attribute accessors fail the test if the record is not a CloudEvent.
     */
    public record Event(ConsumerRecord<String, byte[]> record) {

        public String topic() {
            return record.topic();
        }

        public int partition() {
            return record.partition();
        }

        public long offset() {
            return record.offset();
        }

        public @Nullable String key() {
            return record.key();
        }

        /** A header as text, or null when the record has none of that name. */
        public @Nullable String header(String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        /** {@code ce_type}. */
        public String type() {
            return attribute(CloudEventHeaders.TYPE);
        }

        /** {@code ce_id}. */
        public String id() {
            return attribute(CloudEventHeaders.ID);
        }

        /** {@code ce_source}. */
        public String source() {
            return attribute(CloudEventHeaders.SOURCE);
        }

        /** {@code ce_time}, or null (it is optional). */
        public @Nullable Instant time() {
            String time = header(CloudEventHeaders.TIME);
            return time == null ? null : Instant.parse(time);
        }

        /** {@code ce_subject}, or null (it is optional). */
        public @Nullable String subject() {
            return header(CloudEventHeaders.SUBJECT);
        }

        /** Whether the record carries the CloudEvents 1.0 attributes a consumer requires, and JSON data. */
        public boolean isCloudEvent() {
            String contentType = header(CloudEventHeaders.CONTENT_TYPE);
            return CloudEventHeaders.SPEC_VERSION_1_0.equals(header(CloudEventHeaders.SPEC_VERSION))
                    && present(CloudEventHeaders.ID) && present(CloudEventHeaders.SOURCE) && present(CloudEventHeaders.TYPE)
                    && (contentType == null || contentType.startsWith(CloudEventHeaders.JSON))
                    && record.value() != null;
        }

        /** Whether this is an event of that contract type. */
        public boolean is(EventCatalog entry) {
            return entry.type().equals(header(CloudEventHeaders.TYPE));
        }

        /** The value as UTF-8 text. */
        public String text() {
            return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
        }

        /** The value as a JSON tree. */
        public JsonNode data() {
            return JSON.readTree(text());
        }

        /** The value read as a contract record (or any type). */
        public <T> T as(Class<T> type) {
            return JSON.readValue(text(), type);
        }

        /** Whether the data has this text field with this value. */
        public boolean has(String field, String value) {
            JsonNode node = data().get(field);
            return node != null && node.isString() && value.equals(node.asString());
        }

        private boolean present(String name) {
            String value = header(name);
            return value != null && !value.isBlank();
        }

        private String attribute(String name) {
            String value = header(name);
            if (value == null || value.isBlank() || !isCloudEvent()) {
                throw new AssertionError("not a CloudEvent (no " + name + " or another required attribute): "
                        + topic() + "-" + partition() + "@" + offset());
            }
            return value;
        }

        @Override
        public String toString() {
            return topic() + "-" + partition() + "@" + offset() + " " + key() + " " + header(CloudEventHeaders.TYPE);
        }
    }
}
