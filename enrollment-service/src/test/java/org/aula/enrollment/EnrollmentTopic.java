package org.aula.enrollment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.TestInfrastructure;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code enrollment.events} as a partner would, from where the topic ends when it is opened (a test opens
 * it before it schedules its cohorts, so it sees all their events and skips what earlier tests published):
 * every record is decoded with {@link IncomingEvent#from} (so each must be a valid CloudEvent), and a test
 * looks only at the events keyed by its own cohort (or catalogue entry).
 */
final class EnrollmentTopic implements AutoCloseable {

    static final String SCHEDULED = "org.aula.enrollment.cohort.scheduled.v1";
    static final String ENROLLED = "org.aula.enrollment.participant.enrolled.v1";
    static final String WAITLISTED = "org.aula.enrollment.participant.waitlisted.v1";
    static final String WITHDRAWN = "org.aula.enrollment.participant.withdrawn.v1";
    static final String FILLED = "org.aula.enrollment.cohort.filled.v1";
    static final String STATUS = "org.aula.enrollment.cohort.status-changed.v1";
    static final String COUNTS = "org.aula.enrollment.enrolment-counts.changed.v1";
    static final String OFFERED = "org.aula.enrollment.seat.offered.v1";
    static final String COURSE_DEFINED = "org.aula.enrollment.course.defined.v1";
    static final String PROGRAMME_DEFINED = "org.aula.enrollment.programme.defined.v1";
    static final String ERASED = "org.aula.enrollment.participant.erased.v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> received = new ArrayList<>();

    /** An event as read, with where it was on the topic. */
    record Received(IncomingEvent event, int partition, long offset) {

        String type() {
            return event.type();
        }

        JsonNode data() {
            return JSON.readTree(event.data());
        }

        /** Whether this event is about that enrolment (cohort events carry none). */
        boolean isAbout(String enrolmentId) {
            JsonNode id = data().get("enrolmentId");
            return id != null && enrolmentId.equals(id.asString());
        }
    }

    EnrollmentTopic() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENROLLMENT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // seekToEnd is lazy: resolve the positions now, before the test publishes anything.
        partitions.forEach(consumer::position);
    }

    /** Waits until at least {@code count} events of the cohort arrived and answers them all, in topic order. */
    List<Received> awaitEvents(String cohortId, int count) {
        return awaitEvents(cohortId, events -> events.size() >= count);
    }

    /** Waits until the cohort's events satisfy {@code done} and answers them all, in topic order. */
    List<Received> awaitEvents(String cohortId, Predicate<List<Received>> done) {
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            pollOnce();
            return done.test(of(cohortId));
        });
        return of(cohortId);
    }

    /** The cohort's events read so far, in topic order (they all share one partition). */
    List<Received> of(String cohortId) {
        return received.stream().filter(event -> cohortId.equals(event.event().key())).toList();
    }

    /** The cohort's events of some types only, in topic order. */
    List<Received> of(String cohortId, String... types) {
        List<String> wanted = List.of(types);
        return of(cohortId).stream().filter(event -> wanted.contains(event.type())).toList();
    }

    /** The cohort's events without the counts (enrolment-counts.changed follows every change), in topic order. */
    List<Received> withoutCounts(String cohortId) {
        return of(cohortId).stream().filter(event -> !COUNTS.equals(event.type())).toList();
    }

    /** Waits until {@code done} holds for the cohort's events without counts, and answers those. */
    List<Received> awaitWithoutCounts(String cohortId, Predicate<List<Received>> done) {
        awaitEvents(cohortId, events -> done.test(withoutCounts(cohortId)));
        return withoutCounts(cohortId);
    }

    private void pollOnce() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(new Received(IncomingEvent.from(record), record.partition(), record.offset()));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
