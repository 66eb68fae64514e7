package org.aula.events.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.aula.events.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A CloudEvent read from a Kafka record in binary mode: its context attributes and its raw JSON
 * data, not yet bound to a payload type.
 *
 * @param id      {@code ce_id}: the dedupe key
 * @param source  {@code ce_source}
 * @param type    {@code ce_type}
 * @param time    {@code ce_time}, or null when absent (it is optional in the spec)
 * @param subject {@code ce_subject}, or null
 * @param key     the record key
 * @param data    the record value (UTF-8 JSON)
 */
public record IncomingEvent(UUID id, String source, String type, Instant time, String subject, String key, String data) {

    /** Reads the CloudEvents envelope of a record; throws {@link UndecodableEventException} if there is none. */
    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String specVersion = header(record, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new UndecodableEventException("unsupported or missing " + CloudEventHeaders.SPEC_VERSION + ": " + specVersion);
        }
        String id = required(record, CloudEventHeaders.ID);
        String source = required(record, CloudEventHeaders.SOURCE);
        String type = required(record, CloudEventHeaders.TYPE);
        String contentType = header(record, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new UndecodableEventException("content-type is not JSON: " + contentType);
        }
        if (record.value() == null) {
            throw new UndecodableEventException("record has no value");
        }
        try {
            String time = header(record, CloudEventHeaders.TIME);
            return new IncomingEvent(UUID.fromString(id), source, type, time == null ? null : Instant.parse(time),
                    header(record, CloudEventHeaders.SUBJECT), record.key(),
                    new String(record.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UndecodableEventException("malformed CloudEvents attribute: " + e.getMessage(), e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("missing header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
