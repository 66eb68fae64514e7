package org.aula.enrollment.persistence;

import org.aula.enrollment.application.PersonalDataCopies;
import org.aula.enrollment.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Forgets the copies of a participant's personal data in this service's database: answers stored for
 * {@code Idempotency-Key} repeats that mention the participant are deleted (a repeat then runs again and the
 * use cases' natural keys answer it), and the {@code participantName} of the outbox payloads about the
 * participant (published or not; the runtime's table, rows kept for {@code aula.messaging.relay.retention})
 * is replaced. What the relay already sent to Kafka is not ours to change here: see the README.
 */
@Repository
class JdbcPersonalDataCopies implements PersonalDataCopies {

    private final JdbcClient jdbc;

    JdbcPersonalDataCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int forget(ParticipantId participant, String erasedName) {
        String id = participant.value().toString();
        int answers = jdbc.sql("delete from idempotent_request where body like :pattern")
                .param("pattern", "%" + id + "%")
                .update();
        // The text filter first (cheap, and it finds the rows), then the JSON test that it is this participant's event.
        int payloads = jdbc.sql("""
                update aula_messaging.outbox
                   set payload = jsonb_set(cast(payload as jsonb), '{participantName}', to_jsonb(cast(:name as text)))::text
                 where payload like :pattern
                   and cast(payload as jsonb) ->> 'participantId' = :id
                   and cast(payload as jsonb) -> 'participantName' is not null
                """)
                .param("name", erasedName)
                .param("pattern", "%" + id + "%")
                .param("id", id)
                .update();
        return answers + payloads;
    }
}
