package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.completion.Completions;
import org.aula.session.domain.completion.DecisionBasis;
import org.aula.session.domain.rule.AssessmentOutcome;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completion decisions: the current form in table {@code completion} (unique per participant and
 * cohort), every form with its cause in {@code completion_revision}, and the assessment figures of
 * each form in {@code completion_assessment}.
 */
@Repository
class JdbcCompletions implements Completions {

    private static final String SELECT = """
            select completion_id, cohort_id, participant_id, basis, revision, decision, hours_attended, hours_scheduled,
                   attendance_rate, reasons, rule_version, decided_at, revised_at
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
    public List<Completion> history(CompletionId completionId) {
        return jdbc.sql("""
                select c.completion_id, c.cohort_id, c.participant_id, c.basis, r.revision, r.decision, r.hours_attended,
                       r.hours_scheduled, r.attendance_rate, r.reasons, c.rule_version, c.decided_at,
                       case when r.revision = 0 then null else r.made_at end as revised_at
                from completion_revision r join completion c on c.completion_id = r.completion_id
                where r.completion_id = ? order by r.revision
                """)
                .param(completionId.value())
                .query((rs, i) -> completion(rs))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Completion completion) {
        Verdict verdict = completion.verdict();
        jdbc.sql("""
                insert into completion (completion_id, cohort_id, participant_id, basis, revision, decision,
                                        hours_attended, hours_scheduled, attendance_rate, reasons, rule_version,
                                        decided_at, revised_at)
                values (:id, :cohortId, :participantId, :basis, :revision, :decision, :hoursAttended, :hoursScheduled,
                        :attendanceRate, :reasons, :ruleVersion, :decidedAt, :revisedAt)
                """)
                .param("id", completion.id().value())
                .param("cohortId", completion.cohortId().value())
                .param("participantId", completion.participantId().value())
                .param("basis", completion.basis().name())
                .param("revision", completion.revision())
                .param("decision", verdict.decision().name())
                .param("hoursAttended", verdict.hoursAttended())
                .param("hoursScheduled", verdict.hoursScheduled())
                .param("attendanceRate", verdict.attendanceRate())
                .param("reasons", Sql.textArray(verdict.reasons()))
                .param("ruleVersion", completion.ruleVersion())
                .param("decidedAt", Sql.timestamp(completion.decidedAt()))
                .param("revisedAt", Sql.nullableTimestamp(completion.revisedAt()))
                .update();
        keep(completion, "decided");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void revise(Completion revised, String cause) {
        Verdict verdict = revised.verdict();
        int updated = jdbc.sql("""
                update completion set revision = :revision, decision = :decision, hours_attended = :hoursAttended,
                       hours_scheduled = :hoursScheduled, attendance_rate = :attendanceRate, reasons = :reasons,
                       revised_at = :revisedAt
                where completion_id = :id and revision = :revision - 1
                """)
                .param("id", revised.id().value())
                .param("revision", revised.revision())
                .param("decision", verdict.decision().name())
                .param("hoursAttended", verdict.hoursAttended())
                .param("hoursScheduled", verdict.hoursScheduled())
                .param("attendanceRate", verdict.attendanceRate())
                .param("reasons", Sql.textArray(verdict.reasons()))
                .param("revisedAt", Sql.nullableTimestamp(revised.revisedAt()))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("completion " + revised.id() + " is not at revision " + (revised.revision() - 1));
        }
        keep(revised, cause);
    }

    private void keep(Completion completion, String cause) {
        Verdict verdict = completion.verdict();
        jdbc.sql("""
                insert into completion_revision (completion_id, revision, decision, hours_attended, hours_scheduled,
                                                 attendance_rate, reasons, cause, made_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(completion.id().value(), completion.revision(), verdict.decision().name(),
                        verdict.hoursAttended(), verdict.hoursScheduled(), verdict.attendanceRate(),
                        Sql.textArray(verdict.reasons()), cause, Sql.timestamp(completion.lastChangedAt()))
                .update();
        int position = 0;
        for (AssessmentOutcome outcome : verdict.assessments()) {
            jdbc.sql("""
                    insert into completion_assessment (completion_id, revision, position, assessment_code, title, score,
                                                       pass_mark, passed)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(completion.id().value(), completion.revision(), ++position, outcome.code(), outcome.title(),
                            outcome.score(), outcome.passMark(), outcome.passed())
                    .update();
        }
    }

    private Completion completion(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("completion_id", UUID.class);
        int revision = rs.getInt("revision");
        List<AssessmentOutcome> assessments = jdbc.sql("""
                select assessment_code, title, score, pass_mark, passed from completion_assessment
                where completion_id = ? and revision = ? order by position
                """)
                .params(id, revision)
                .query((row, i) -> new AssessmentOutcome(row.getString("assessment_code"), row.getString("title"),
                        row.getBigDecimal("score"), row.getBigDecimal("pass_mark"), row.getBoolean("passed")))
                .list();
        Verdict verdict = new Verdict(Decision.valueOf(rs.getString("decision")), rs.getBigDecimal("hours_attended"),
                rs.getBigDecimal("hours_scheduled"), rs.getBigDecimal("attendance_rate"), assessments,
                Sql.texts(rs, "reasons"));
        return new Completion(new CompletionId(id), new CohortId(rs.getString("cohort_id")),
                new ParticipantId(rs.getString("participant_id")), DecisionBasis.valueOf(rs.getString("basis")), revision,
                verdict, rs.getString("rule_version"), Sql.instant(rs, "decided_at"), Sql.nullableInstant(rs, "revised_at"));
    }
}
