package org.aula.enrollment.persistence;

import org.aula.enrollment.application.PersonalDataCopies;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.events.runtime.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Forgets the copies of a participant's personal data in this service's database: answers stored for
 * {@code Idempotency-Key} repeats that mention the participant become tombstones (the key stays taken, a repeat
 * is answered 410 and never runs again; answer and request hash are gone), and the {@code participantName} of the outbox payloads about the
 * participant (published or not; rows kept for {@code aula.messaging.relay.retention}) is replaced
 * through the runtime's {@link Outbox#redact}, as is the {@code participantName} of the partner events kept for
 * webhooks ({@code webhook_event}). What the relay already sent to Kafka is not ours to change here: see the README.
 */
@Repository
class JdbcPersonalDataCopies implements PersonalDataCopies {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    JdbcPersonalDataCopies(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public int forget(ParticipantId participant, String erasedName) {
        String id = participant.value().toString();
        // A tombstone, not a deletion (issue 9): a deleted key let a repeat of the nomination run again, register the
        // person anew from the request and take a second seat. The key stays taken (a repeat is answered 410 Gone);
        // the answer and the request's hash (of the name and address) go.
        int answers = jdbc.sql("""
                update idempotent_request
                   set state = 'ERASED', request_hash = 'erased', status = null, location = null, content_type = null,
                       body = null
                 where state = 'COMPLETED' and body like :pattern
                """)
                .param("pattern", "%" + id + "%")
                .update();
        int payloads = outbox.redact("participantId", id, "participantName", erasedName);
        // The partner events kept for webhook deliveries and replays (V7): the name in their data goes too, so a
        // pending delivery or a later replay sends the placeholder.
        int webhookEvents = jdbc.sql("""
                update webhook_event
                   set body = jsonb_set(body::jsonb, '{data,participantName}', to_jsonb(cast(:name as text)))::text
                 where body like :pattern and body::jsonb #>> '{data,participantId}' = :id
                   and body::jsonb #> '{data,participantName}' is not null
                """)
                .param("name", erasedName)
                .param("pattern", "%" + id + "%")
                .param("id", id)
                .update();
        return answers + payloads + webhookEvents;
    }
}
