package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.Completion;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.Completions;
import org.aula.session.domain.Decision;
import org.aula.session.domain.ParticipantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Completion decisions in table {@code completion}, unique per participant and cohort. */
@Repository
class JdbcCompletions implements Completions {

    private static final String SELECT = """
            select completion_id, cohort_id, participant_id, decision, hours_attended, hours_scheduled,
                   attendance_rate, rule_version, decided_at
            from completion
            """;

    private final JdbcClient jdbc;

    JdbcCompletions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Completion> of(CohortId cohortId, ParticipantId participantId) {
        return jdbc.sql(SELECT + " where cohort_id = ? and participant_id = ?")
                .params(cohortId.value(), participantId.value())
                .query((rs, i) -> completion(rs))
                .optional();
    }

    @Override
    public List<Completion> ofCohort(CohortId cohortId) {
        return jdbc.sql(SELECT + " where cohort_id = ? order by decided_at, completion_id")
                .param(cohortId.value())
                .query((rs, i) -> completion(rs))
                .list();
    }

    @Override
    public void add(Completion completion) {
        jdbc.sql("""
                insert into completion (completion_id, cohort_id, participant_id, decision, hours_attended,
                                        hours_scheduled, attendance_rate, rule_version, decided_at)
                values (:id, :cohortId, :participantId, :decision, :hoursAttended, :hoursScheduled,
                        :attendanceRate, :ruleVersion, :decidedAt)
                """)
                .param("id", completion.id().value())
                .param("cohortId", completion.cohortId().value())
                .param("participantId", completion.participantId().value())
                .param("decision", completion.decision().name())
                .param("hoursAttended", completion.hoursAttended())
                .param("hoursScheduled", completion.hoursScheduled())
                .param("attendanceRate", completion.attendanceRate())
                .param("ruleVersion", completion.ruleVersion())
                .param("decidedAt", Timestamp.from(completion.decidedAt()))
                .update();
    }

    private static Completion completion(ResultSet rs) throws SQLException {
        return new Completion(new CompletionId(rs.getObject("completion_id", UUID.class)),
                new CohortId(rs.getString("cohort_id")), new ParticipantId(rs.getString("participant_id")),
                Decision.valueOf(rs.getString("decision")), rs.getBigDecimal("hours_attended"),
                rs.getBigDecimal("hours_scheduled"), rs.getBigDecimal("attendance_rate"),
                rs.getString("rule_version"), rs.getTimestamp("decided_at").toInstant());
    }
}
