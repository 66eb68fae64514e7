package org.aula.events.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.aula.events.AulaEvent;
import org.aula.events.CloudEventHeaders;
import org.aula.events.EventCatalog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes CloudEvents 1.0 in Kafka binary mode: value = the event data as JSON, attributes as
 * {@code ce_*} headers, {@code content-type} for the data content type. The envelope is mapped here
 * by hand because the CloudEvents Java SDK is bound to Jackson 2 (see NOTES.md); a test reads
 * these records back as the spec describes them.
 */
public final class CloudEventRecords {

    private static final JsonMapper JSON = MessagingAutoConfiguration.eventJson();

    private CloudEventRecords() {
    }

    /** The record of an event, keyed by its aggregate, on its catalog topic. */
    public static ProducerRecord<String, byte[]> of(AulaEvent event, UUID id, String source, Instant time) {
        EventCatalog entry = event.catalogEntry();
        return of(entry.topic(), event.key(), id, entry.type(), source, time, event.key(),
                JSON.writeValueAsString(event));
    }

    /** The record of an already serialized event (as the outbox stores it). */
    public static ProducerRecord<String, byte[]> of(String topic, String key, UUID id, String type, String source,
            Instant time, String subject, String json) {
        return of(topic, key, id, type, source, time, subject, json, null);
    }

    /**
     * The record of an already serialized event with the W3C {@code traceparent} of the request that
     * caused it (none when it was not traced), which a consumer's observation continues.
     */
    public static ProducerRecord<String, byte[]> of(String topic, String key, UUID id, String type, String source,
            Instant time, @Nullable String subject, String json, @Nullable String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id.toString());
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.TIME, time.toString());
        if (subject != null) {
            add(headers, CloudEventHeaders.SUBJECT, subject);
        }
        EventCatalog.ofType(type).ifPresent(entry -> add(headers, CloudEventHeaders.DATA_SCHEMA, entry.dataSchema()));
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            add(headers, TraceContexts.TRACEPARENT, traceparent);
        }
        return new ProducerRecord<>(topic, null, key, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
