package org.aula.events.runtime;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.aula.events.AulaEvent;
import org.aula.events.EventCatalog;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>In a transaction begun by the service's transaction manager ({@link OutboxBatching} is told of each), the
 * rows appended are written together, in append order, in one statement just before the transaction commits
 * (still inside it, under its locks: all or nothing as before, and a failure to write them fails the commit); a
 * row appended after that (another synchronization's {@code beforeCommit}) is written at once. Elsewhere (a
 * transaction manager without it) each row is written as it is appended. One statement a transaction rather than
 * one an event (issue 11): a nomination's two events inside the cohort's lock, a poll's dozens.
 */
public class Outbox {

    /** At most this many rows in one statement (9 parameters each): a few statement texts for the database to plan. */
    static final int ROWS_PER_STATEMENT = 50;

    private static final String INSERT = """
            insert into aula_messaging.outbox (id, aggregate_type, aggregate_id, type, topic, subject, payload, created_at,
                                               traceparent)
            values """;

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
        // Everything but the sequence number is taken now: the payload, the time, and the trace the append is part of.
        Row row = new Row(UUID.randomUUID(), aggregateType(entry), event.key(), entry.type(), entry.topic(), subject,
                json.writeValueAsString(event), Timestamp.from(clock.instant()), traces.currentTraceparent());
        Pending pending = Pending.current();
        if (pending == null || !pending.take(this, row)) {
            write(List.of(row));
            wakeRelayAfterCommit();
        }
        return row.id();
    }

    private void write(List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            // The rows in append order: their sequence numbers, the relay's order, follow it.
            JdbcClient.StatementSpec insert = jdbc.sql(INSERT + String.join(", ",
                    Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?)")));
            int index = 0;
            for (Row row : chunk) {
                insert = insert.param(++index, row.id()).param(++index, row.aggregateType())
                        .param(++index, row.aggregateId()).param(++index, row.type()).param(++index, row.topic())
                        .param(++index, row.subject()).param(++index, row.payload()).param(++index, row.createdAt())
                        .param(++index, row.traceparent(), Types.VARCHAR);
            }
            insert.update();
        }
    }

    /**
     * Replaces {@code field} in the stored payload of every event (published or not) whose
     * {@code matchField} equals {@code matchValue}: how a service forgets personal data, e.g. an
     * erased participant's name, that its outbox still keeps for the retention period. What the
     * relay already sent lives on in Kafka until the topic's retention; that is not undone here.
     * Returns the number of rows changed; call it inside the erasure's transaction.
     */
    public int redact(String matchField, String matchValue, String field, String replacement) {
        // The transaction's own appended rows first, so that they are redacted too.
        Pending pending = Pending.current();
        if (pending != null) {
            pending.writeFor(this);
        }
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

    /** An outbox row as appended; the database gives it its sequence number when it is written. */
    private record Row(UUID id, String aggregateType, String aggregateId, String type, String topic, String subject,
            String payload, Timestamp createdAt, @Nullable String traceparent) {
    }

    /**
     * The rows one transaction appended and has not written yet: a synchronization that {@link OutboxBatching}
     * registers when the transaction begins, so that its {@code beforeCommit} runs with every other one's. Found
     * among the transaction's synchronizations (suspended and resumed with them, unlike a bound resource).
     */
    static final class Pending implements TransactionSynchronization {

        private final List<Row> rows = new ArrayList<>();
        private @Nullable Outbox owner;
        private boolean committing;
        private boolean wrote;

        static @Nullable Pending current() {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                return null;
            }
            for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
                if (synchronization instanceof Pending pending) {
                    return pending;
                }
            }
            return null;
        }

        /** Keeps {@code row} for the commit; false once the commit has begun (or for a second outbox): write it now. */
        boolean take(Outbox outbox, Row row) {
            if (committing || (owner != null && owner != outbox)) {
                return false;
            }
            owner = outbox;
            rows.add(row);
            return true;
        }

        void writeFor(Outbox outbox) {
            if (owner == outbox && !rows.isEmpty()) {
                outbox.write(rows);
                rows.clear();
                wrote = true;
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            if (owner != null) {
                writeFor(owner);
            }
        }

        @Override
        public void afterCommit() {
            if (wrote && owner != null) {
                owner.relay.wake();
            }
        }
    }

    private static String aggregateType(EventCatalog entry) {
        String keyField = entry.keyField();
        return keyField.endsWith("Id") ? keyField.substring(0, keyField.length() - 2) : keyField;
    }
}
