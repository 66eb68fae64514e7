package org.aula.events.runtime;

import java.util.Optional;

import org.aula.events.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotent consumer: records {@code (consumer, event id)} in the same transaction as the
 * handler's effect, so a redelivered event is recognised and skipped (and counted), and a failed
 * handler leaves no trace and is retried. Call it from a {@code @KafkaListener}; the listener's
 * offset is committed after this transaction.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry meters;

    Inbox(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.meters = meters;
    }

    /** What became of a received record. */
    public enum Outcome { APPLIED, DUPLICATE, IGNORED }

    /**
     * Decodes a record and applies the matching handler once per event id.
     *
     * @throws UndecodableEventException if the record is not an Aula CloudEvent or its data does not
     *                                   fit its type (the error handler dead-letters it at once)
     */
    public Outcome receive(ConsumerRecord<String, byte[]> record, EventHandlers handlers) {
        IncomingEvent event = IncomingEvent.from(record);
        EventCatalog.ofType(event.type())
                .filter(entry -> !entry.topic().equals(record.topic()))
                .ifPresent(entry -> {
                    // Only the owning service may write a type, and only to its topic: anything else is forged or misrouted.
                    throw new UndecodableEventException(event.type() + " belongs on " + entry.topic() + ", not on " + record.topic());
                });
        Optional<EventHandlers.Handler<?>> handler = handlers.handlerOf(event.type());
        if (handler.isEmpty()) {
            log.debug("{} ignores event {} of type {}", handlers.consumer(), event.id(), event.type());
            return Outcome.IGNORED;
        }
        Object payload = decode(event, handler.get().payloadType());
        Outcome outcome = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into aula_messaging.processed_event (consumer, event_id, event_type)
                    values (?, ?, ?) on conflict do nothing
                    """)
                    .params(handlers.consumer(), event.id(), event.type())
                    .update();
            if (inserted == 0) {
                return Outcome.DUPLICATE;
            }
            handler.get().apply(payload);
            return Outcome.APPLIED;
        });
        if (outcome == Outcome.DUPLICATE) {
            Counter.builder("aula.inbox.duplicates")
                    .description("Redelivered events recognised by the inbox and skipped")
                    .tag("consumer", handlers.consumer())
                    .register(meters)
                    .increment();
            log.info("{} skipped duplicate event {} ({})", handlers.consumer(), event.id(), event.type());
        }
        return outcome;
    }

    private Object decode(IncomingEvent event, Class<?> payloadType) {
        try {
            return json.readValue(event.data(), payloadType);
        } catch (JacksonException e) {
            throw new UndecodableEventException("data of " + event.type() + " does not fit its schema: " + e.getOriginalMessage(), e);
        }
    }
}
