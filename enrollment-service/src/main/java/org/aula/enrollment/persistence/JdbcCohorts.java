package org.aula.enrollment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.Seats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cohorts in table {@code cohort}. The waitlist length is counted from {@code enrolment} in the
 * same query, so a snapshot always agrees with the enrolments it summarises.
 */
@Repository
class JdbcCohorts implements Cohorts {

    private static final String SELECT = """
            select c.*,
                   (select count(*) from enrolment e
                     where e.cohort_id = c.id and e.status = 'WAITLISTED') as waitlist_length
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
                                    location, capacity, facilitator, seats_taken, fill_number, scheduled_at)
                values (:id, :code, :courseCode, :courseTitle, :courseHours, :startDate, :endDate,
                        :location, :capacity, :facilitator, :seatsTaken, :fillNumber, :scheduledAt)
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
                .update();
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
    public List<Cohort> list(int limit) {
        return jdbc.sql(SELECT + " order by c.start_date, c.code limit :limit")
                .param("limit", limit)
                .query(JdbcCohorts::cohort)
                .list();
    }

    @Override
    public Optional<Cohort> claimSeat(CohortId id) {
        // The seat claim. Under READ COMMITTED, an UPDATE that waited for another claimer's row lock
        // re-checks its WHERE clause against the row version that claimer committed, so exactly one
        // transaction takes the last seat; the CHECK constraint refuses an oversold row even from buggy
        // code. The claim that takes the last seat also counts the fill, in the same statement.
        Optional<Integer> seatsTaken = jdbc.sql("""
                update cohort
                   set seats_taken = seats_taken + 1,
                       fill_number = fill_number + case when seats_taken + 1 = capacity then 1 else 0 end
                 where id = :id and seats_taken < capacity
                returning seats_taken
                """)
                .param("id", id.value())
                .query(Integer.class)
                .optional();
        if (seatsTaken.isEmpty()) {
            return Optional.empty();
        }
        // Read the snapshot in a statement of its own: a statement takes its snapshot when it starts,
        // so anything joined to the UPDATE would predate the commits it may have waited for.
        return find(id);
    }

    @Override
    public Optional<Cohort> lock(CohortId id) {
        boolean exists = jdbc.sql("select id from cohort where id = :id for update")
                .param("id", id.value())
                .query(UUID.class)
                .optional()
                .isPresent();
        // As in claimSeat: the state is read by a later statement, which sees what was committed
        // before we got the lock.
        return exists ? find(id) : Optional.empty();
    }

    @Override
    public void updateSeats(Cohort cohort) {
        jdbc.sql("update cohort set seats_taken = :taken where id = :id")
                .param("taken", cohort.seats().taken())
                .param("id", cohort.id().value())
                .update();
    }

    private static Cohort cohort(ResultSet row, int rowNumber) throws SQLException {
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
                row.getInt("waitlist_length"));
    }
}
