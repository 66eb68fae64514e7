package org.aula.session;


import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.events.AulaEvent;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;

import tools.jackson.databind.json.JsonMapper;

/** What the service published on {@code session.events} about one cohort, read as the contract's records. */
final class SessionEventLog implements AutoCloseable {

    static final Duration KAFKA = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TopicRecords records = new TopicRecords(Topics.SESSION);

    /** Every event published with this cohort as key, in partition (that is, publication) order. */
    List<IncomingEvent> of(String cohortId) {
        return records.withKey(cohortId).stream().map(IncomingEvent::from).toList();
    }

    /** The cohort's events of one type, as their payload records. */
    <T extends AulaEvent> List<T> of(String cohortId, Class<T> type) {
        String typeName = EventCatalog.of(type).type();
        return records.withKey(cohortId).stream().map(IncomingEvent::from)
                .filter(event -> event.type().equals(typeName))
                .map(event -> JSON.readValue(event.data(), type))
                .toList();
    }

    /** Waits until the cohort's events of one type satisfy the condition, and answers them. */
    <T extends AulaEvent> List<T> await(String cohortId, Class<T> type, Predicate<List<T>> condition) {
        return org.awaitility.Awaitility.await().atMost(KAFKA).until(() -> of(cohortId, type), condition);
    }

    /** Waits for at least {@code count} events of the type. */
    <T extends AulaEvent> List<T> awaitCount(String cohortId, Class<T> type, int count) {
        return await(cohortId, type, found -> found.size() >= count);
    }

    List<ConsumerRecord<String, byte[]>> records(String cohortId) {
        return records.withKey(cohortId);
    }

    @Override
    public void close() {
        records.close();
    }
}
