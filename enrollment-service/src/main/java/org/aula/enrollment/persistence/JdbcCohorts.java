package org.aula.enrollment.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Paging;
import org.aula.enrollment.domain.SeatQuotas;
import org.aula.enrollment.domain.Seats;
import org.aula.enrollment.domain.Transition;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cohorts in table {@code cohort}, quotas in {@code cohort_quota}. The waitlist length is read from
 * {@code enrolment} in the same query, so a snapshot always agrees with the enrolments it summarises: as the highest
 * waitlist position, because positions run 1..n without gaps (every path that takes someone off the waitlist closes
 * the gap, and the exclusion constraint keeps them unique). That is one step down the position index, where a count
 * visits every waiting enrolment: the seat race read its cohort twice a nomination, O(n²) over 975 waiting.
 */
@Repository
class JdbcCohorts implements Cohorts {

    private static final String SELECT = """
            select c.*,
                   coalesce((select max(e.waitlist_position) from enrolment e
                              where e.cohort_id = c.id and e.status = 'WAITLISTED'), 0) as waitlist_length,
                   array(select q.institution_code from cohort_quota q where q.cohort_id = c.id
                          order by q.institution_code) as quota_institutions,
                   array(select q.places from cohort_quota q where q.cohort_id = c.id
                          order by q.institution_code) as quota_places
              from cohort c
            """;

    private final JdbcClient jdbc;

    JdbcCohorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Cohort cohort, Instant scheduledAt) {
        // "on conflict do nothing" rather than catching the violation: a concurrent duplicate waits for
        // the first insert to commit and then simply inserts nothing, and our transaction stays usable.
        int inserted = jdbc.sql("""
                insert into cohort (id, code, course_code, course_title, course_hours, start_date, end_date,
                                    location, capacity, facilitator, seats_taken, fill_number, scheduled_at,
                                    status, status_changed_at)
                values (:id, :code, :courseCode, :courseTitle, :courseHours, :startDate, :endDate,
                        :location, :capacity, :facilitator, :seatsTaken, :fillNumber, :scheduledAt,
                        :status, :scheduledAt)
                on conflict (code) do nothing
                """)
                .param("id", cohort.id().value())
                .param("code", cohort.code().value())
                .param("courseCode", cohort.course().code())
                .param("courseTitle", cohort.course().title())
                .param("courseHours", cohort.course().hours())
                .param("startDate", cohort.startDate())
                .param("endDate", cohort.endDate())
                .param("location", cohort.location())
                .param("capacity", cohort.seats().capacity())
                .param("facilitator", cohort.facilitator())
                .param("seatsTaken", cohort.seats().taken())
                .param("fillNumber", cohort.fillNumber())
                .param("scheduledAt", Timestamps.of(scheduledAt))
                .param("status", cohort.status().name())
                .update();
        if (inserted == 1) {
            insertQuotas(cohort);
        }
        return inserted == 1;
    }

    @Override
    public Optional<Cohort> find(CohortId id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id.value()).query(JdbcCohorts::cohort).optional();
    }

    @Override
    public Optional<Cohort> findByCode(CohortCode code) {
        return jdbc.sql(SELECT + " where c.code = :code").param("code", code.value()).query(JdbcCohorts::cohort).optional();
    }

    @Override
    public Paging.Page<Cohort> list(@Nullable String courseCode, @Nullable CohortStatus status, Paging paging) {
        String where = " where (cast(:courseCode as text) is null or c.course_code = :courseCode)"
                + " and (cast(:status as text) is null or c.status = :status)";
        Map<String, Object> params = new HashMap<>();
        params.put("courseCode", courseCode);
        params.put("status", status == null ? null : status.name());
        long total = jdbc.sql("select count(*) from cohort c" + where).params(params).query(Long.class).single();
        List<Cohort> items = jdbc.sql(SELECT + where + " order by c.start_date, c.code limit :limit offset :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(JdbcCohorts::cohort)
                .list();
        return new Paging.Page<>(items, total, paging);
    }

    @Override
    public List<Cohort> openCohortsOfCourse(String courseCode, LocalDate from, CohortId excluding) {
        return jdbc.sql(SELECT + """
                 where c.course_code = :courseCode and c.status = 'OPEN' and c.start_date >= :from and c.id <> :excluding
                 order by c.start_date, c.code
                 limit 20
                """)
                .param("courseCode", courseCode)
                .param("from", from)
                .param("excluding", excluding.value())
                .query(JdbcCohorts::cohort)
                .list();
    }

    @Override
    public Optional<Cohort> lock(CohortId id) {
        return lockRow(id) ? find(id) : Optional.empty();
    }

    private boolean lockRow(CohortId id) {
        // The state is read by a later statement, which sees what was committed before we got the lock
        // (a statement's snapshot predates the lock wait).
        return jdbc.sql("select id from cohort where id = :id for update")
                .param("id", id.value())
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    @Override
    public Optional<Nominating> lockToNominate(CohortId id, InstitutionCode institution) {
        if (!lockRow(id)) {
            return Optional.empty();
        }
        return jdbc.sql("select n.*, k.enrolled, k.waitlisted, k.withdrawn from (" + SELECT + " where c.id = :id) n"
                        + " cross join lateral (select " + JdbcEnrolments.COUNTS + " from enrolment e"
                        + " where e.cohort_id = n.id and e.institution_code = :institution) k")
                .param("id", id.value())
                .param("institution", institution.value())
                .query((row, n) -> new Nominating(cohort(row, n), JdbcEnrolments.counts(row)))
                .optional();
    }

    @Override
    public void claimSeat(Cohort.SeatClaim claim) {
        // The seat claim. Under READ COMMITTED, an UPDATE that waited for another claimer's row lock
        // re-checks its WHERE clause against the row version that claimer committed, so exactly one
        // transaction takes the last seat; the CHECK constraints refuse an oversold row, or an OPEN one
        // without a free seat, even from buggy code. The claim that takes the last seat makes the cohort
        // FULL and counts the fill, in the same statement.
        Cohort expected = claim.cohort();
        Optional<ClaimedRow> claimed = jdbc.sql("""
                update cohort
                   set seats_taken = seats_taken + 1,
                       fill_number = fill_number + case when seats_taken + 1 = capacity then 1 else 0 end,
                       status = case when seats_taken + 1 = capacity then 'FULL' else status end,
                       status_changed_at = case when seats_taken + 1 = capacity then now() else status_changed_at end
                 where id = :id and status = 'OPEN' and seats_taken < capacity
                returning seats_taken, fill_number, status
                """)
                .param("id", expected.id().value())
                .query((row, n) -> new ClaimedRow(row.getInt("seats_taken"), row.getInt("fill_number"),
                        CohortStatus.valueOf(row.getString("status"))))
                .optional();
        ClaimedRow wanted = new ClaimedRow(expected.seats().taken(), expected.fillNumber(), expected.status());
        if (claimed.isEmpty() || !claimed.get().equals(wanted)) {
            throw new IllegalStateException("cohort " + expected.id() + ": the seat claim ended at " + claimed
                    + ", the aggregate expected " + wanted + " (was the row locked?)");
        }
    }

    @Override
    public void update(Cohort cohort, Instant at) {
        jdbc.sql("""
                update cohort
                   set seats_taken = :taken, fill_number = :fill, status = :status,
                       status_changed_at = case when status <> :status then :at else status_changed_at end
                 where id = :id
                """)
                .param("taken", cohort.seats().taken())
                .param("fill", cohort.fillNumber())
                .param("status", cohort.status().name())
                .param("at", Timestamps.of(at))
                .param("id", cohort.id().value())
                .update();
    }

    @Override
    public void apply(Transition transition, Instant at) {
        Cohort after = transition.cohort();
        int updated = jdbc.sql("""
                update cohort set status = :to, seats_taken = :taken, status_changed_at = :at
                 where id = :id and status = :from
                """)
                .param("to", transition.to().name())
                .param("taken", after.seats().taken())
                .param("at", Timestamps.of(at))
                .param("id", after.id().value())
                .param("from", transition.from().name())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("cohort " + after.id() + " is no longer " + transition.from());
        }
    }

    @Override
    public void updateQuotas(Cohort cohort) {
        jdbc.sql("delete from cohort_quota where cohort_id = :id").param("id", cohort.id().value()).update();
        insertQuotas(cohort);
    }

    private void insertQuotas(Cohort cohort) {
        cohort.quotas().places().forEach((institution, places) -> jdbc.sql("""
                insert into cohort_quota (cohort_id, institution_code, places) values (:id, :institution, :places)
                """)
                .param("id", cohort.id().value())
                .param("institution", institution.value())
                .param("places", places)
                .update());
    }

    private record ClaimedRow(int seatsTaken, int fillNumber, CohortStatus status) {
    }

    static Cohort cohort(ResultSet row, int rowNumber) throws SQLException {
        return Cohort.restore(
                new CohortId(row.getObject("id", UUID.class)),
                new CohortCode(row.getString("code")),
                new Course(row.getString("course_code"), row.getString("course_title"), row.getInt("course_hours")),
                row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class),
                row.getString("location"),
                row.getString("facilitator"),
                new Seats(row.getInt("capacity"), row.getInt("seats_taken")),
                row.getInt("fill_number"),
                row.getInt("waitlist_length"),
                CohortStatus.valueOf(row.getString("status")),
                quotas(row.getArray("quota_institutions"), row.getArray("quota_places")));
    }

    private static SeatQuotas quotas(Array institutions, Array places) throws SQLException {
        String[] codes = (String[]) institutions.getArray();
        Integer[] counts = (Integer[]) places.getArray();
        Map<InstitutionCode, Integer> quotas = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            quotas.put(new InstitutionCode(codes[i]), counts[i]);
        }
        return new SeatQuotas(quotas);
    }
}
