package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.EmailAddress;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Participants in table {@code participant}, one row per e-mail address. */
@Repository
class JdbcParticipants implements Participants {

    private static final String COLUMNS = "id, email, name, position, institution_code";

    private final JdbcClient jdbc;

    JdbcParticipants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Registration register(Participant candidate, Instant at) {
        // An upsert: a concurrent nomination of the same new person waits for the first insert to
        // commit and then takes the update branch. The update branch always writes, so the row is
        // locked until our transaction ends: nominations of one person run one after the other.
        // xmax = 0 tells an inserted row from an updated one.
        return insert(candidate, at, """
                on conflict (email) do update
                   set name = excluded.name,
                       position = coalesce(excluded.position, participant.position),
                       institution_code = excluded.institution_code,
                       updated_at = excluded.updated_at
                returning id, email, name, position, institution_code, (xmax = 0) as inserted
                """)
                .query((row, n) -> new Registration(participant(row, n), row.getBoolean("inserted")))
                .single();
    }

    @Override
    public Optional<Participant> createIfNew(Participant candidate, Instant at) {
        // "do nothing" takes no lock on the row that has the address (an upsert's update branch would).
        return insert(candidate, at, "on conflict (email) do nothing returning " + COLUMNS)
                .query(JdbcParticipants::participant)
                .optional();
    }

    private JdbcClient.StatementSpec insert(Participant candidate, Instant at, String onConflict) {
        return jdbc.sql("""
                insert into participant (id, email, name, position, institution_code, created_at, updated_at)
                values (:id, :email, :name, :position, :institution, :at, :at)
                """ + onConflict)
                .param("id", candidate.id().value())
                .param("email", candidate.email().value())
                .param("name", candidate.name())
                .param("position", candidate.position(), Types.VARCHAR)
                .param("institution", candidate.institution().value())
                .param("at", Timestamps.of(at));
    }

    @Override
    public Optional<Participant> find(ParticipantId id) {
        return jdbc.sql("select " + COLUMNS + " from participant where id = :id")
                .param("id", id.value())
                .query(JdbcParticipants::participant)
                .optional();
    }

    @Override
    public Optional<Participant> findByEmail(EmailAddress email) {
        return jdbc.sql("select " + COLUMNS + " from participant where email = :email")
                .param("email", email.value())
                .query(JdbcParticipants::participant)
                .optional();
    }

    @Override
    public Optional<Participant> lock(ParticipantId id) {
        return jdbc.sql("select " + COLUMNS + " from participant where id = :id for update")
                .param("id", id.value())
                .query(JdbcParticipants::participant)
                .optional();
    }

    @Override
    public void erase(Participant erased, Instant at) {
        int updated = jdbc.sql("""
                update participant
                   set name = :name, email = :email, position = null, erased_at = :at, updated_at = :at
                 where id = :id
                """)
                .param("name", erased.name())
                .param("email", erased.email().value())
                .param("at", Timestamps.of(at))
                .param("id", erased.id().value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("participant " + erased.id() + " to erase is not stored");
        }
    }

    @Override
    public Optional<Instant> erasedAt(ParticipantId id) {
        return jdbc.sql("select erased_at from participant where id = :id and erased_at is not null")
                .param("id", id.value())
                .query((row, n) -> row.getObject("erased_at", OffsetDateTime.class).toInstant())
                .optional();
    }

    @Override
    public Paging.Page<Participant> list(@Nullable InstitutionCode institution, Paging paging) {
        String where = " where (cast(:institution as text) is null or institution_code = :institution)";
        Map<String, Object> params = new HashMap<>();
        params.put("institution", institution == null ? null : institution.value());
        long total = jdbc.sql("select count(*) from participant" + where).params(params).query(Long.class).single();
        List<Participant> items = jdbc.sql("select " + COLUMNS + " from participant" + where
                        + " order by name, id limit :limit offset :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcParticipants::participant)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    private static Participant participant(ResultSet row, int rowNumber) throws SQLException {
        return new Participant(new ParticipantId(row.getObject("id", UUID.class)),
                new EmailAddress(row.getString("email")), row.getString("name"), row.getString("position"),
                new InstitutionCode(row.getString("institution_code")));
    }
}
