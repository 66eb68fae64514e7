package org.aula.certification.persistence;

import java.sql.Timestamp;
import java.time.Instant;

import org.aula.certification.domain.ErasedParticipants;
import org.aula.certification.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link ErasedParticipants} in table {@code erased_participant}. */
@Repository
class JdbcErasedParticipants implements ErasedParticipants {

    private final JdbcClient jdbc;

    JdbcErasedParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(ParticipantId participant, Instant erasedAt) {
        jdbc.sql("insert into erased_participant (participant_id, erased_at) values (:participantId, :erasedAt) on conflict do nothing")
                .param("participantId", participant.value())
                .param("erasedAt", Timestamp.from(erasedAt))
                .update();
    }

    @Override
    public boolean isErased(ParticipantId participant) {
        return jdbc.sql("select count(*) from erased_participant where participant_id = :participantId")
                .param("participantId", participant.value())
                .query(Long.class)
                .single() > 0;
    }
}
