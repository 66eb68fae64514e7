package org.aula.events.runtime;

import java.time.Clock;
import java.util.UUID;

import org.aula.events.AulaEvent;
import org.aula.events.EventCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: a use case appends the events it causes inside its own database
 * transaction, so they are published if and only if its changes commit. {@link OutboxRelay}
 * sends them after the commit, in append order per key.
 *
 * <p>Append an aggregate's events only after its row is locked (the use case's conditional update
 * or {@code SELECT ... FOR UPDATE} does that): then the outbox sequence of one aggregate is its
 * commit order, which is the order the relay publishes.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final Clock clock;
    private final TraceContexts traces;

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, Clock clock) {
        this(jdbc, json, relay, clock, TraceContexts.NONE);
    }

    Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, Clock clock, TraceContexts traces) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
        this.traces = traces;
    }

    /** Appends an event with its key as CloudEvents subject; returns the event id (the consumers' dedupe key). */
    public UUID append(AulaEvent event) {
        return append(event, event.key());
    }

    /**
     * Appends an event with an explicit CloudEvents subject; returns the event id. The current span's
     * W3C {@code traceparent} (the HTTP request's, the listener's) is kept with it and sent as a header.
     */
    public UUID append(AulaEvent event, String subject) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the caller's transaction: events must commit with the changes that caused them");
        }
        EventCatalog entry = event.catalogEntry();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into aula_messaging.outbox (id, aggregate_type, aggregate_id, type, topic, subject, payload, created_at,
                                                   traceparent)
                values (:id, :aggregateType, :aggregateId, :type, :topic, :subject, :payload, :createdAt, :traceparent)
                """)
                .param("id", id)
                .param("aggregateType", aggregateType(entry))
                .param("aggregateId", event.key())
                .param("type", entry.type())
                .param("topic", entry.topic())
                .param("subject", subject)
                .param("payload", json.writeValueAsString(event))
                .param("createdAt", java.sql.Timestamp.from(clock.instant()))
                .param("traceparent", traces.currentTraceparent(), java.sql.Types.VARCHAR)
                .update();
        wakeRelayAfterCommit();
        return id;
    }

    /**
     * Replaces {@code field} in the stored payload of every event (published or not) whose
     * {@code matchField} equals {@code matchValue}: how a service forgets personal data, e.g. an
     * erased participant's name, that its outbox still keeps for the retention period. What the
     * relay already sent lives on in Kafka until the topic's retention; that is not undone here.
     * Returns the number of rows changed; call it inside the erasure's transaction.
     */
    public int redact(String matchField, String matchValue, String field, String replacement) {
        // A text filter first (cheap, and it finds the rows), then the JSON test of the exact field.
        return jdbc.sql("""
                update aula_messaging.outbox
                   set payload = jsonb_set(cast(payload as jsonb), cast(array[:field] as text[]), to_jsonb(cast(:replacement as text)))::text
                 where payload like :pattern
                   and cast(payload as jsonb) ->> :matchField = :matchValue
                   and cast(payload as jsonb) -> :field is not null
                """)
                .param("field", field)
                .param("replacement", replacement)
                .param("pattern", "%" + matchValue.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .param("matchField", matchField)
                .param("matchValue", matchValue)
                .update();
    }

    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wake();
            }
        });
    }

    private static String aggregateType(EventCatalog entry) {
        String keyField = entry.keyField();
        return keyField.endsWith("Id") ? keyField.substring(0, keyField.length() - 2) : keyField;
    }
}
