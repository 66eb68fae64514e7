package org.aula.enrollment.messaging.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.enrollment.application.webhook.QueueWebhookDeliveries;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.PartnerEvent;
import org.aula.events.CloudEventHeaders;
import org.aula.events.runtime.PollTransactions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consumer {@code enrollment-webhooks}: reads every institution's partner feed ({@code partner.<INSTITUTION>.enrollment},
 * found by pattern, so a new institution's feed is picked up within {@code topic-discovery}) and queues a webhook
 * delivery per subscription of that institution. Webhooks thus carry exactly what the Kafka feed carries, derived
 * once, in the feed's order, and never an event of another institution (each topic is one institution's).
 *
 * <p>The record becomes a CloudEvent in structured mode: its {@code ce_*} headers as attributes, its value as
 * {@code data}. Not through the inbox: a partner feed carries events whose catalogue topic is {@code enrollment.events}
 * (the inbox refuses them as misrouted), and an erasure notice carries one {@code ce_id} on several feeds; the
 * idempotency key is the natural one, (institution, {@code ce_id}), unique in {@code webhook_event}. A record
 * that is no CloudEvent is skipped with a warning: the feed router copies only what the services published, and
 * their consumers dead-letter the undecodable.
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.webhooks.enabled", matchIfMissing = true)
class WebhookFeedListener {

    static final String LISTENER = "enrollment-webhooks";
    /** The institution feeds; {@code partner.aggregate.enrollment} (lower case) is not one. */
    static final String FEEDS = "partner\\.(" + InstitutionCode.PATTERN + ")\\.enrollment";

    private static final Logger log = LoggerFactory.getLogger(WebhookFeedListener.class);
    private static final Pattern FEED = Pattern.compile(FEEDS);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final QueueWebhookDeliveries queue;
    private final PollTransactions polls;

    WebhookFeedListener(QueueWebhookDeliveries queue, PollTransactions polls) {
        this.queue = queue;
        this.polls = polls;
    }

    /**
     * A poll's records are kept in one transaction ({@link PollTransactions}): every enrolment puts a record or more
     * on the feeds, and one commit each cost the seat race and the pipeline CPU that the services needed (issue 11).
     * A record that fails is still retried (or dead-lettered) on its own, the records before it kept.
     */
    @KafkaListener(id = LISTENER, topicPattern = FEEDS,
            groupId = "${aula.enrollment.webhooks.consumer-group:enrollment-service-webhooks}",
            properties = "metadata.max.age.ms=${aula.enrollment.webhooks.topic-discovery-ms:30000}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        polls.apply(LISTENER, records, record -> {
            PartnerEvent event = eventOf(record);
            if (event != null) {
                queue.queue(event);
            }
        });
    }

    /** The record as a partner event (the CloudEvent in structured mode), or {@code null} when it is none. */
    static @Nullable PartnerEvent eventOf(ConsumerRecord<String, byte[]> record) {
        Matcher feed = FEED.matcher(record.topic());
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        String source = header(record, CloudEventHeaders.SOURCE);
        if (!feed.matches() || id == null || type == null || source == null || record.value() == null) {
            log.warn("Webhooks skip {}-{}@{}: not an Aula CloudEvent", record.topic(), record.partition(), record.offset());
            return null;
        }
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", valueOr(header(record, CloudEventHeaders.SPEC_VERSION), CloudEventHeaders.SPEC_VERSION_1_0));
        event.put("id", id);
        event.put("source", source);
        event.put("type", type);
        event.put("datacontenttype", valueOr(header(record, CloudEventHeaders.CONTENT_TYPE), CloudEventHeaders.JSON));
        putIfPresent(event, "dataschema", header(record, CloudEventHeaders.DATA_SCHEMA));
        putIfPresent(event, "subject", header(record, CloudEventHeaders.SUBJECT));
        String time = header(record, CloudEventHeaders.TIME);
        putIfPresent(event, "time", time);
        try {
            JsonNode data = JSON.readTree(record.value());
            event.set("data", data);
        } catch (JacksonException e) {
            log.warn("Webhooks skip {}-{}@{}: the value is not JSON", record.topic(), record.partition(), record.offset());
            return null;
        }
        return new PartnerEvent(new InstitutionCode(feed.group(1)), id, type, record.key() == null ? "" : record.key(),
                timeOf(time, record), JSON.writeValueAsString(event));
    }

    private static Instant timeOf(@Nullable String time, ConsumerRecord<String, byte[]> record) {
        if (time != null) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                // fall back to the record's time
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String valueOr(@Nullable String value, String absent) {
        return value == null ? absent : value;
    }

    private static void putIfPresent(ObjectNode event, String name, @Nullable String value) {
        if (value != null) {
            event.put(name, value);
        }
    }

    private static @Nullable String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
