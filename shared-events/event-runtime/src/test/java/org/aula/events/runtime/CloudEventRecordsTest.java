package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.aula.events.CohortScheduled;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class CloudEventRecordsTest {

    private static final Instant TIME = Instant.parse("2019-05-01T10:15:30Z");

    @Test
    void writesTheBinaryModeAttributesTheSpecRequires() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(OutboxRelayIT.scheduled("c-1"), id, "/aula/enrollment-service", TIME);

        assertThat(record.topic()).isEqualTo("enrollment.events");
        assertThat(record.key()).isEqualTo("c-1");
        assertThat(header(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record.headers(), "ce_id")).isEqualTo(id.toString());
        assertThat(header(record.headers(), "ce_source")).isEqualTo("/aula/enrollment-service");
        assertThat(header(record.headers(), "ce_type")).isEqualTo("org.aula.enrollment.cohort.scheduled.v1");
        assertThat(header(record.headers(), "ce_time")).isEqualTo("2019-05-01T10:15:30Z");
        assertThat(header(record.headers(), "ce_subject")).isEqualTo("c-1");
        // datacontenttype travels as the plain content-type header in binary mode, never as ce_datacontenttype.
        assertThat(header(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(record.headers().lastHeader("ce_datacontenttype")).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"startDate\":\"2019-05-13\"");
    }

    @Test
    void readsBackWhatItWrote() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> written = CloudEventRecords.of(OutboxRelayIT.scheduled("c-2"), id, "/aula/x", TIME);

        IncomingEvent read = IncomingEvent.from(consumed(written.key(), written.value(), (RecordHeaders) written.headers()));

        assertThat(read.id()).isEqualTo(id);
        assertThat(read.type()).isEqualTo("org.aula.enrollment.cohort.scheduled.v1");
        assertThat(read.time()).isEqualTo(TIME);
        assertThat(read.key()).isEqualTo("c-2");
        assertThat(MessagingAutoConfiguration.eventJson().readValue(read.data(), CohortScheduled.class))
                .isEqualTo(OutboxRelayIT.scheduled("c-2"));
    }

    @Test
    void refusesRecordsThatAreNotCloudEvents() {
        RecordHeaders noHeaders = new RecordHeaders();
        assertThatThrownBy(() -> IncomingEvent.from(consumed("k", "{}".getBytes(StandardCharsets.UTF_8), noHeaders)))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("ce_specversion");

        RecordHeaders badId = (RecordHeaders) CloudEventRecords.of(OutboxRelayIT.scheduled("c"), UUID.randomUUID(), "/x", TIME).headers();
        badId.remove("ce_id");
        badId.add("ce_id", "not-a-uuid".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IncomingEvent.from(consumed("k", "{}".getBytes(StandardCharsets.UTF_8), badId)))
                .isInstanceOf(UndecodableEventException.class);
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        String current = MessagingAutoConfiguration.eventJson().writeValueAsString(OutboxRelayIT.scheduled("c"));
        String newerProducer = current.replaceFirst("\\{", "{\"addedInV1_1\":\"ignored\",");
        CohortScheduled read = MessagingAutoConfiguration.eventJson().readValue(newerProducer, CohortScheduled.class);
        assertThat(read).isEqualTo(OutboxRelayIT.scheduled("c"));
    }

    private static ConsumerRecord<String, byte[]> consumed(String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("enrollment.events", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0, key, value,
                headers, java.util.Optional.empty());
    }

    private static String header(org.apache.kafka.common.header.Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
