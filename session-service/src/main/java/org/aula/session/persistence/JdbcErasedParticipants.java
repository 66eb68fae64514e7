package org.aula.session.persistence;

import java.time.Instant;

import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.roster.ErasedParticipants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ErasedParticipants} in table {@code erased_participant}; the lock is a PostgreSQL
 * transaction-level advisory lock, released at commit or rollback and seen by every replica.
 */
@Repository
class JdbcErasedParticipants implements ErasedParticipants {

    /** The lock namespace (the first key of the two-key form), so it cannot meet other advisory locks. */
    private static final int PARTICIPANTS = 0x41554C11;

    private final JdbcClient jdbc;

    JdbcErasedParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(ParticipantId participantId) {
        // Two participants may share a hash: they then wait for each other, which is only slower.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:namespace, hashtext(:participantId))) locked")
                .param("namespace", PARTICIPANTS).param("participantId", participantId.value())
                .query(Integer.class).single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ParticipantId participantId, Instant erasedAt) {
        jdbc.sql("insert into erased_participant (participant_id, erased_at) values (?, ?) on conflict do nothing")
                .params(participantId.value(), Sql.timestamp(erasedAt))
                .update();
    }

    @Override
    public boolean isErased(ParticipantId participantId) {
        return jdbc.sql("select exists (select 1 from erased_participant where participant_id = ?)")
                .param(participantId.value())
                .query(Boolean.class).single();
    }
}
