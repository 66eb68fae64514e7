package org.aula.certification.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.CompletionDecisions;
import org.aula.certification.domain.CompletionSummary;
import org.aula.certification.domain.CompletionSummary.Figures;
import org.aula.certification.domain.CompletionSummary.Filter;
import org.aula.certification.domain.CompletionSummary.Row;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link CompletionDecisions} in table {@code completion_decision}; the summary joins in the
 * {@code certificate} and {@code diploma} tables, grouped with SQL grouping sets so each source is
 * read once per request.
 */
@Repository
class JdbcCompletionDecisions implements CompletionDecisions {

    private static final String GROUPS = """
            group by grouping sets ((course_code), (course_code, cohort_code), (institution_code), ())""";
    private static final String FILTER = """
            (cast(:course as text) is null or course_code = :course)
            and (cast(:cohort as text) is null or cohort_code = :cohort)
            and (cast(:institution as text) is null or institution_code = :institution)""";

    private final JdbcClient jdbc;

    JdbcCompletionDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(CompletionDecision decision) {
        int inserted = jdbc.sql("""
                insert into completion_decision (participant_id, cohort_id, completion_id, cohort_code, course_code,
                                                 institution_code, outcome, decided_at, revision)
                values (:participantId, :cohortId, :completionId, :cohortCode, :courseCode, :institutionCode, :outcome,
                        :decidedAt, :revision)
                on conflict do nothing
                """)
                .params(parameters(decision))
                .update();
        if (inserted == 1) {
            return true;
        }
        // A later decision (higher revision, then later time) replaces an earlier one; a late-arriving
        // older one changes nothing.
        int outcomeChanged = jdbc.sql("""
                update completion_decision
                set completion_id = :completionId, cohort_code = :cohortCode, course_code = :courseCode,
                    institution_code = :institutionCode, outcome = :outcome, decided_at = :decidedAt, revision = :revision
                where participant_id = :participantId and cohort_id = :cohortId
                  and (revision, decided_at) < (:revision, :decidedAt) and outcome <> :outcome
                """)
                .params(parameters(decision))
                .update();
        if (outcomeChanged == 1) {
            return true;
        }
        jdbc.sql("""
                update completion_decision set completion_id = :completionId, decided_at = :decidedAt, revision = :revision
                where participant_id = :participantId and cohort_id = :cohortId
                  and (revision, decided_at) < (:revision, :decidedAt)
                """)
                .params(parameters(decision))
                .update();
        return false;
    }

    private static Map<String, Object> parameters(CompletionDecision decision) {
        return Map.of(
                "participantId", decision.participantId().value(),
                "cohortId", decision.cohortId().value(),
                "completionId", decision.completionId().value(),
                "cohortCode", decision.cohortCode(),
                "courseCode", decision.courseCode(),
                "institutionCode", decision.institutionCode(),
                "outcome", decision.outcome().name(),
                "decidedAt", Timestamp.from(decision.decidedAt()),
                "revision", decision.revision());
    }

    @Override
    public List<CohortRate> cohortRates() {
        return jdbc.sql("""
                select course_code, cohort_code, count(*) as decided, count(*) filter (where outcome = 'COMPLETED') as completed
                from completion_decision
                group by course_code, cohort_code
                order by course_code, cohort_code
                """)
                .query((row, n) -> new CohortRate(row.getString("course_code"), row.getString("cohort_code"),
                        row.getLong("decided"), row.getLong("completed")))
                .list();
    }

    @Override
    public CompletionSummary summary(Filter filter) {
        Map<Key, Partial> partials = new TreeMap<>();
        jdbc.sql("""
                select course_code, cohort_code, institution_code,
                       grouping(course_code) as no_course, grouping(cohort_code) as no_cohort,
                       grouping(institution_code) as no_institution,
                       count(*) as decided, count(*) filter (where outcome = 'COMPLETED') as completed
                from completion_decision
                where %s
                %s
                """.formatted(FILTER, GROUPS))
                .params(filterParameters(filter))
                .query((ResultSet row) -> {
                    Partial partial = partials.computeIfAbsent(Key.of(row), key -> new Partial());
                    partial.decided = row.getLong("decided");
                    partial.completed = row.getLong("completed");
                });
        jdbc.sql("""
                select course_code, cohort_code, institution_code,
                       grouping(course_code) as no_course, grouping(cohort_code) as no_cohort,
                       grouping(institution_code) as no_institution,
                       count(*) as issued, count(*) filter (where revoked_at is not null) as revoked,
                       avg(greatest(extract(epoch from issued_at - decided_at), 0)) as mean_seconds,
                       max(greatest(extract(epoch from issued_at - decided_at), 0)) as max_seconds
                from certificate
                where %s
                %s
                """.formatted(FILTER, GROUPS))
                .params(filterParameters(filter))
                .query((ResultSet row) -> {
                    Partial partial = partials.computeIfAbsent(Key.of(row), key -> new Partial());
                    partial.issued = row.getLong("issued");
                    partial.revoked = row.getLong("revoked");
                    partial.meanSeconds = nullableDouble(row, "mean_seconds");
                    partial.maxSeconds = nullableDouble(row, "max_seconds");
                });
        Figures totals = Figures.NONE;
        List<Row> byCourse = new ArrayList<>();
        List<Row> byCohort = new ArrayList<>();
        List<Row> byInstitution = new ArrayList<>();
        for (Map.Entry<Key, Partial> entry : partials.entrySet()) {
            Key key = entry.getKey();
            Row row = new Row(key.course(), key.cohort(), key.institution(), entry.getValue().figures());
            switch (key.dimension()) {
                case TOTAL -> totals = row.figures();
                case COURSE -> byCourse.add(row);
                case COHORT -> byCohort.add(row);
                case INSTITUTION -> byInstitution.add(row);
            }
        }
        List<CompletionSummary.DiplomaCount> diplomas = jdbc.sql("""
                select programme_code, count(*) as awarded from diploma
                where cast(:institution as text) is null or institution_code = :institution
                group by programme_code order by programme_code
                """)
                .param("institution", filter.institutionCode())
                .query((row, n) -> new CompletionSummary.DiplomaCount(row.getString("programme_code"), row.getLong("awarded")))
                .list();
        return new CompletionSummary(totals, byCourse, byCohort, byInstitution, diplomas);
    }

    private static Map<String, @Nullable Object> filterParameters(Filter filter) {
        Map<String, @Nullable Object> parameters = new java.util.HashMap<>();
        parameters.put("course", filter.courseCode());
        parameters.put("cohort", filter.cohortCode());
        parameters.put("institution", filter.institutionCode());
        return parameters;
    }

    private static @Nullable Double nullableDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

    private enum Dimension { TOTAL, COURSE, COHORT, INSTITUTION }

    /** Which group a row of a grouping-sets query belongs to. */
    private record Key(Dimension dimension, @Nullable String course, @Nullable String cohort, @Nullable String institution)
            implements Comparable<Key> {

        static Key of(ResultSet row) throws SQLException {
            boolean noCourse = row.getInt("no_course") == 1;
            boolean noCohort = row.getInt("no_cohort") == 1;
            boolean noInstitution = row.getInt("no_institution") == 1;
            if (!noInstitution) {
                return new Key(Dimension.INSTITUTION, null, null, row.getString("institution_code"));
            }
            if (noCourse) {
                return new Key(Dimension.TOTAL, null, null, null);
            }
            if (noCohort) {
                return new Key(Dimension.COURSE, row.getString("course_code"), null, null);
            }
            return new Key(Dimension.COHORT, row.getString("course_code"), row.getString("cohort_code"), null);
        }

        @Override
        public int compareTo(Key other) {
            int byDimension = dimension.compareTo(other.dimension);
            if (byDimension != 0) {
                return byDimension;
            }
            return (Objects.toString(course, "") + '\u0000' + Objects.toString(cohort, "") + '\u0000' + Objects.toString(institution, ""))
                    .compareTo(Objects.toString(other.course, "") + '\u0000' + Objects.toString(other.cohort, "") + '\u0000'
                            + Objects.toString(other.institution, ""));
        }
    }

    /** One group's figures as the two queries fill them in. */
    private static final class Partial {
        long decided;
        long completed;
        long issued;
        long revoked;
        @Nullable Double meanSeconds;
        @Nullable Double maxSeconds;

        Figures figures() {
            return new Figures(decided, completed, decided - completed, issued, revoked, meanSeconds, maxSeconds);
        }
    }
}
