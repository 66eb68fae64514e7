package org.aula.certification.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.CompletionCounts;
import org.aula.certification.domain.DonorReport;
import org.aula.certification.domain.DonorReport.Figures;
import org.aula.certification.domain.DonorReports;
import org.aula.certification.domain.Participation;
import org.aula.certification.domain.ReportQuery;
import org.aula.certification.domain.ReportQuery.Dimension;
import org.aula.certification.domain.ReportQuery.Filter;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link DonorReports} in tables {@code report_participation} and {@code report_cohort}; the report
 * also reads {@code certificate}, {@code diploma} and {@code programme}. Three grouped queries
 * (decisions, certificates, diplomas), each run for the lines and once more for the totals, so a
 * person counts once in the totals even when the breakdown shows them on two lines (two
 * programmes sharing a course, two institutions' cohorts).
 */
@Repository
class JdbcDonorReports implements DonorReports {

    private final JdbcClient jdbc;

    JdbcDonorReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean record(Participation participation) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("participantId", participation.participantId().value());
        parameters.put("cohortId", participation.cohortId().value());
        parameters.put("cohortCode", participation.cohortCode());
        parameters.put("courseCode", participation.courseCode());
        parameters.put("institutionCode", participation.institutionCode());
        parameters.put("outcome", participation.outcome().name());
        parameters.put("hours", participation.hoursAttended());
        parameters.put("decidedAt", Timestamp.from(participation.decidedAt()));
        parameters.put("revision", participation.revision());
        // A later decision (higher revision, then later time, as the completion figures order them) replaces an
        // earlier one; a late-arriving older one (or a repeat) changes nothing.
        return jdbc.sql("""
                insert into report_participation (participant_id, cohort_id, cohort_code, course_code, institution_code,
                                                  outcome, hours_attended, decided_at, revision)
                values (:participantId, :cohortId, :cohortCode, :courseCode, :institutionCode, :outcome, :hours, :decidedAt,
                        :revision)
                on conflict (participant_id, cohort_id) do update
                set cohort_code = excluded.cohort_code, course_code = excluded.course_code,
                    institution_code = excluded.institution_code, outcome = excluded.outcome,
                    hours_attended = excluded.hours_attended, decided_at = excluded.decided_at, revision = excluded.revision
                where (report_participation.revision, report_participation.decided_at) < (excluded.revision, excluded.decided_at)
                """)
                .params(parameters)
                .update() == 1;
    }

    @Override
    public void record(String courseCode, Cohort cohort) {
        jdbc.sql("""
                insert into report_cohort (cohort_id, cohort_code, course_code, start_date, end_date)
                values (:cohortId, :cohortCode, :courseCode, :startDate, :endDate)
                on conflict (cohort_id) do update
                set cohort_code = excluded.cohort_code, course_code = excluded.course_code,
                    start_date = excluded.start_date, end_date = excluded.end_date
                """)
                .param("cohortId", cohort.id().value())
                .param("cohortCode", cohort.code())
                .param("courseCode", courseCode)
                .param("startDate", Date.valueOf(cohort.startDate()))
                .param("endDate", Date.valueOf(cohort.endDate()))
                .update();
    }

    @Override
    public Optional<CompletionCounts> countsOf(CohortId cohort, String institutionCode) {
        // Decisions from the report's own table, certificates from theirs; the codes from whichever has a row.
        return jdbc.sql("""
                with decided as (
                    select max(cohort_code) as cohort_code, max(course_code) as course_code, count(*) as decided,
                           count(*) filter (where outcome = 'COMPLETED') as completed
                    from report_participation where cohort_id = :cohort and institution_code = :institution),
                certified as (
                    select max(cohort_code) as cohort_code, max(course_code) as course_code, count(*) as issued,
                           count(*) filter (where revoked_at is not null) as revoked
                    from certificate where cohort_id = :cohort and institution_code = :institution)
                select coalesce(d.cohort_code, c.cohort_code) as cohort_code, coalesce(d.course_code, c.course_code) as course_code,
                       d.decided, d.completed, c.issued, c.revoked
                from decided d cross join certified c
                where d.decided > 0 or c.issued > 0
                """)
                .param("cohort", cohort.value())
                .param("institution", institutionCode)
                .query((row, n) -> new CompletionCounts(cohort, row.getString("cohort_code"), row.getString("course_code"),
                        institutionCode, row.getInt("decided"), row.getInt("completed"), row.getInt("issued"),
                        row.getInt("revoked")))
                .optional();
    }

    @Override
    public DonorReport report(ReportQuery query) {
        Map<String, @Nullable Object> parameters = parameters(query.filter());
        Map<List<@Nullable String>, Partial> lines = new TreeMap<>(KEY_ORDER);
        Partial totals = new Partial(query.countsDiplomas());
        for (Source source : Source.values()) {
            if (source == Source.DIPLOMAS && !query.countsDiplomas()) {
                continue;
            }
            run(source, query.breakdown(), query.filter(), parameters, key -> lines.computeIfAbsent(key, k -> new Partial(query.countsDiplomas())));
            run(source, List.of(), query.filter(), parameters, key -> totals);
        }
        List<DonorReport.Line> reportLines = new ArrayList<>();
        if (!query.breakdown().isEmpty()) {
            lines.forEach((key, partial) -> reportLines.add(new DonorReport.Line(key, partial.figures())));
        }
        return new DonorReport(query, totals.figures(), reportLines);
    }

    private void run(Source source, List<Dimension> breakdown, Filter filter, Map<String, @Nullable Object> parameters,
            java.util.function.Function<List<@Nullable String>, Partial> partialFor) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < breakdown.size(); i++) {
            keys.add(source.expression(breakdown.get(i)) + " as key" + i);
        }
        String select = String.join(", ", keys);
        String groupBy = breakdown.isEmpty() ? "" : "group by " + String.join(", ",
                breakdown.stream().map(source::expression).toList());
        String programmeJoin = breakdown.contains(Dimension.PROGRAMME)
                ? "left join programme g on " + source.alias + ".course_code = any(g.required_course_codes)" : "";
        if (source == Source.DIPLOMAS) {
            programmeJoin = "";
        }
        String sql = """
                select %s%s
                from %s
                %s
                where %s
                %s
                """.formatted(select, (select.isEmpty() ? "" : ", ") + source.figures, source.from, programmeJoin,
                source.where(filter), groupBy);
        jdbc.sql(sql).params(parameters).query((ResultSet row) -> {
            List<@Nullable String> key = new ArrayList<>();
            for (int i = 0; i < breakdown.size(); i++) {
                key.add(row.getString("key" + i));
            }
            source.add(row, partialFor.apply(key));
        });
    }

    private static Map<String, @Nullable Object> parameters(Filter filter) {
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("institution", filter.institution());
        parameters.put("course", filter.course());
        parameters.put("programme", filter.programme());
        parameters.put("cohort", filter.cohort());
        parameters.put("from", filter.from() == null ? null : Date.valueOf(filter.from()));
        parameters.put("to", filter.to() == null ? null : Date.valueOf(filter.to()));
        return parameters;
    }

    /** Lines in order of their key, each value in order, a missing value last. */
    private static final Comparator<List<@Nullable String>> KEY_ORDER = (left, right) -> {
        Comparator<@Nullable String> value = Comparator.nullsLast(Comparator.naturalOrder());
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = value.compare(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    /** What each table contributes, and how its rows map onto the dimensions and the filter. */
    private enum Source {
        DECISIONS("p", "report_participation p left join report_cohort c on c.cohort_id = p.cohort_id", "c.end_date", """
                count(distinct p.participant_id) as participants,
                count(distinct p.participant_id) filter (where p.outcome = 'COMPLETED') as trained,
                count(*) as decisions, count(*) filter (where p.outcome = 'COMPLETED') as completions,
                coalesce(sum(p.hours_attended), 0) as person_hours""") {
            @Override
            void add(ResultSet row, Partial partial) throws SQLException {
                partial.participants = row.getLong("participants");
                partial.trained = row.getLong("trained");
                partial.decisions = row.getLong("decisions");
                partial.completions = row.getLong("completions");
                partial.personHours = row.getBigDecimal("person_hours");
            }
        },
        CERTIFICATES("x", "certificate x", "x.end_date", """
                count(*) as issued, count(*) filter (where x.revoked_at is not null) as revoked""") {
            @Override
            void add(ResultSet row, Partial partial) throws SQLException {
                partial.issued = row.getLong("issued");
                partial.revoked = row.getLong("revoked");
            }
        },
        DIPLOMAS("d", "diploma d", "(select max(dx.end_date) from certificate dx where dx.number = any(d.certificate_numbers))",
                "count(*) as diplomas") {
            @Override
            void add(ResultSet row, Partial partial) throws SQLException {
                partial.diplomas = row.getLong("diplomas");
            }

            @Override
            String expression(Dimension dimension) {
                return dimension == Dimension.PROGRAMME ? "d.programme_code" : super.expression(dimension);
            }

            @Override
            String where(Filter filter) {
                return """
                        (cast(:institution as text) is null or d.institution_code = :institution)
                        and (cast(:programme as text) is null or d.programme_code = :programme)
                        and %s""".formatted(period());
            }
        };

        final String alias;
        final String from;
        /** The day that places a fact in a month or quarter: the end of its course. */
        final String endDate;
        final String figures;

        Source(String alias, String from, String endDate, String figures) {
            this.alias = alias;
            this.from = from;
            this.endDate = endDate;
            this.figures = figures;
        }

        abstract void add(ResultSet row, Partial partial) throws SQLException;

        String expression(Dimension dimension) {
            return switch (dimension) {
                case INSTITUTION -> alias + ".institution_code";
                case COURSE -> alias + ".course_code";
                case COHORT -> alias + ".cohort_code";
                case PROGRAMME -> "g.code";
                case MONTH -> "to_char(" + endDate + ", 'YYYY-MM')";
                case QUARTER -> "to_char(" + endDate + ", 'YYYY-\"Q\"Q')";
            };
        }

        String where(Filter filter) {
            return """
                    (cast(:institution as text) is null or %1$s.institution_code = :institution)
                    and (cast(:course as text) is null or %1$s.course_code = :course)
                    and (cast(:cohort as text) is null or %1$s.cohort_code = :cohort)
                    and (cast(:programme as text) is null or exists (
                        select 1 from programme fg where fg.code = :programme and %1$s.course_code = any(fg.required_course_codes)))
                    and %2$s""".formatted(alias, period());
        }

        String period() {
            return """
                    (cast(:from as date) is null or %1$s >= :from)
                    and (cast(:to as date) is null or %1$s <= :to)""".formatted(endDate);
        }
    }

    /** One line's figures as the three queries fill them in. */
    private static final class Partial {
        final boolean countsDiplomas;
        long participants;
        long trained;
        long decisions;
        long completions;
        long issued;
        long revoked;
        long diplomas;
        BigDecimal personHours = BigDecimal.ZERO;

        Partial(boolean countsDiplomas) {
            this.countsDiplomas = countsDiplomas;
        }

        Figures figures() {
            return new Figures(participants, trained, decisions, completions, issued, revoked,
                    countsDiplomas ? diplomas : null, personHours);
        }
    }
}
