package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionRules;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RequiredAssessment;
import org.aula.session.domain.rule.RuleId;
import org.aula.session.domain.rule.RuleSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Rule versions in tables {@code completion_rule} and {@code completion_rule_assessment}; rows are only added. */
@Repository
class JdbcCompletionRules implements CompletionRules {

    private static final String SELECT = """
            select course_code, version, minimum_attendance_rate, source, defined_at from completion_rule
            """;

    private final JdbcClient jdbc;

    JdbcCompletionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCourse(String courseCode) {
        // A transaction-scoped advisory lock: a course may have no row to lock yet.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('completion_rule:' || ?))")
                .param(courseCode)
                .query((rs, i) -> 1)
                .list();
    }

    @Override
    public Optional<CompletionRule> latest(String courseCode) {
        return jdbc.sql(SELECT + " where course_code = ? order by version desc limit 1")
                .param(courseCode)
                .query((rs, i) -> rule(rs))
                .optional();
    }

    @Override
    public Optional<CompletionRule> find(RuleId id) {
        return jdbc.sql(SELECT + " where course_code = ? and version = ?")
                .params(id.courseCode(), id.version())
                .query((rs, i) -> rule(rs))
                .optional();
    }

    @Override
    public List<CompletionRule> versions(String courseCode) {
        return jdbc.sql(SELECT + " where course_code = ? order by version")
                .param(courseCode)
                .query((rs, i) -> rule(rs))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public CompletionRule append(String courseCode, CompletionTerms terms, RuleSource source, Instant definedAt) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from completion_rule where course_code = ?")
                .param(courseCode)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                insert into completion_rule (course_code, version, minimum_attendance_rate, source, defined_at)
                values (?, ?, ?, ?, ?)
                """)
                .params(courseCode, version, terms.minimumAttendanceRate(), source.name(), Sql.timestamp(definedAt))
                .update();
        int position = 0;
        for (RequiredAssessment assessment : terms.assessments()) {
            jdbc.sql("""
                    insert into completion_rule_assessment (course_code, version, position, assessment_code, title, pass_mark)
                    values (?, ?, ?, ?, ?, ?)
                    """)
                    .params(courseCode, version, ++position, assessment.code(), assessment.title(), assessment.passMark())
                    .update();
        }
        return new CompletionRule(new RuleId(courseCode, version), terms, source, definedAt);
    }

    private CompletionRule rule(ResultSet rs) throws SQLException {
        RuleId id = new RuleId(rs.getString("course_code"), rs.getInt("version"));
        List<RequiredAssessment> assessments = jdbc.sql("""
                select assessment_code, title, pass_mark from completion_rule_assessment
                where course_code = ? and version = ? order by position
                """)
                .params(id.courseCode(), id.version())
                .query((row, i) -> new RequiredAssessment(row.getString("assessment_code"), row.getString("title"),
                        row.getBigDecimal("pass_mark")))
                .list();
        return new CompletionRule(id, new CompletionTerms(rs.getBigDecimal("minimum_attendance_rate"), assessments),
                RuleSource.valueOf(rs.getString("source")), Sql.instant(rs, "defined_at"));
    }
}
