package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants in table {@code participant}, one row per e-mail address. */
@Repository
class JdbcParticipants implements Participants {

    private final JdbcClient jdbc;

    JdbcParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Participant register(Participant candidate, Instant at) {
        // An upsert: a concurrent nomination of the same new person waits for the first insert to
        // commit and then takes the update branch. The update branch always writes, so the row is
        // locked until our transaction ends: nominations of one person run one after the other.
        return jdbc.sql("""
                insert into participant (id, email, name, institution_code, created_at, updated_at)
                values (:id, :email, :name, :institution, :at, :at)
                on conflict (email) do update
                   set name = excluded.name,
                       institution_code = excluded.institution_code,
                       updated_at = excluded.updated_at
                returning id, email, name, institution_code
                """)
                .param("id", candidate.id().value())
                .param("email", candidate.email().value())
                .param("name", candidate.name())
                .param("institution", candidate.institution().value())
                .param("at", Timestamps.of(at))
                .query(JdbcParticipants::participant)
                .single();
    }

    @Override
    public Optional<Participant> find(ParticipantId id) {
        return jdbc.sql("select id, email, name, institution_code from participant where id = :id")
                .param("id", id.value())
                .query(JdbcParticipants::participant)
                .optional();
    }

    @Override
    public Optional<Participant> findByEmail(EmailAddress email) {
        return jdbc.sql("select id, email, name, institution_code from participant where email = :email")
                .param("email", email.value())
                .query(JdbcParticipants::participant)
                .optional();
    }

    private static Participant participant(ResultSet row, int rowNumber) throws SQLException {
        return new Participant(new ParticipantId(row.getObject("id", UUID.class)),
                new EmailAddress(row.getString("email")), row.getString("name"),
                new InstitutionCode(row.getString("institution_code")));
    }
}
