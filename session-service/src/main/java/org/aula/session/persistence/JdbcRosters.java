package org.aula.session.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.course.Course;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.EntryStatus;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.session.domain.roster.RosterLock;
import org.aula.session.domain.roster.Rosters;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Rosters in tables {@code cohort} (one row per cohort, the lock target) and {@code roster_entry}. */
@Repository
class JdbcRosters implements Rosters {

    private static final String SELECT_COHORT = """
            select cohort_id, cohort_code, course_code, course_title, course_hours, start_date, end_date,
                   location, capacity, fill_number, locked_at
            from cohort where cohort_id = ?
            """;

    private final JdbcClient jdbc;

    JdbcRosters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Roster> find(CohortId cohortId) {
        // One snapshot for the cohort row and its entries.
        return load(cohortId, SELECT_COHORT);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Roster> lock(CohortId cohortId) {
        return load(cohortId, SELECT_COHORT + " for update");
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Roster lockOrOpen(CohortId cohortId, String cohortCode, String courseCode) {
        // The cohort is nearly always there (its schedule comes first): lock it without trying an insert first.
        Optional<Roster> existing = lock(cohortId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                insert into cohort (cohort_id, cohort_code, course_code) values (?, ?, ?)
                on conflict (cohort_id) do nothing
                """)
                .params(cohortId.value(), cohortCode, courseCode)
                .update();
        return lock(cohortId).orElseThrow(() -> new IllegalStateException("cohort " + cohortId + " vanished"));
    }

    @Override
    public List<CohortId> withParticipant(ParticipantId participantId) {
        return jdbc.sql("select cohort_id from roster_entry where participant_id = ? order by cohort_id")
                .param(participantId.value())
                .query((rs, i) -> new CohortId(rs.getString("cohort_id")))
                .list();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void save(Roster roster) {
        // A new roster's row was inserted by lockOrOpen; an enrolment changes only its entry.
        if (roster.cohortChanged()) {
            saveCohort(roster);
        }
        for (RosterEntry entry : roster.changedEntries()) {
            jdbc.sql("""
                    insert into roster_entry (cohort_id, participant_id, participant_name, institution_code,
                                              seat_number, status, enrolled_at, withdrawn_at)
                    values (:cohortId, :participantId, :name, :institutionCode, :seatNumber, :status,
                            :enrolledAt, :withdrawnAt)
                    on conflict (cohort_id, participant_id) do update
                    set participant_name = excluded.participant_name, institution_code = excluded.institution_code,
                        seat_number = excluded.seat_number, status = excluded.status,
                        enrolled_at = excluded.enrolled_at, withdrawn_at = excluded.withdrawn_at, updated_at = now()
                    where (roster_entry.participant_name, roster_entry.institution_code, roster_entry.seat_number,
                           roster_entry.status, roster_entry.enrolled_at, roster_entry.withdrawn_at)
                          is distinct from
                          (excluded.participant_name, excluded.institution_code, excluded.seat_number,
                           excluded.status, excluded.enrolled_at, excluded.withdrawn_at)
                    """)
                    .param("cohortId", roster.cohortId().value())
                    .param("participantId", entry.participantId().value())
                    .param("name", entry.name())
                    .param("institutionCode", entry.institutionCode())
                    .param("seatNumber", entry.seatNumber())
                    .param("status", entry.status().name())
                    .param("enrolledAt", Timestamp.from(entry.enrolledAt()))
                    .param("withdrawnAt", entry.withdrawnAt() == null ? null : Timestamp.from(entry.withdrawnAt()))
                    .update();
        }
    }

    private void saveCohort(Roster roster) {
        Optional<CohortSchedule> schedule = roster.schedule();
        Optional<RosterLock> lock = roster.lock();
        jdbc.sql("""
                update cohort set cohort_code = :cohortCode, course_code = :courseCode, course_title = :courseTitle,
                       course_hours = :courseHours, start_date = :startDate, end_date = :endDate,
                       location = :location, capacity = :capacity, fill_number = :fillNumber,
                       locked_at = :lockedAt, updated_at = now()
                where cohort_id = :cohortId
                """)
                .param("cohortId", roster.cohortId().value())
                .param("cohortCode", roster.cohortCode())
                .param("courseCode", roster.courseCode())
                .param("courseTitle", schedule.map(s -> s.course().title()).orElse(null))
                .param("courseHours", schedule.map(s -> s.course().hours()).orElse(null))
                .param("startDate", schedule.map(CohortSchedule::startDate).orElse(null))
                .param("endDate", schedule.map(CohortSchedule::endDate).orElse(null))
                .param("location", schedule.map(CohortSchedule::location).orElse(null))
                .param("capacity", schedule.map(CohortSchedule::capacity).orElse(null))
                .param("fillNumber", lock.map(RosterLock::fillNumber).orElse(null))
                .param("lockedAt", lock.map(l -> Timestamp.from(l.lockedAt())).orElse(null))
                .update();
    }

    private Optional<Roster> load(CohortId cohortId, String cohortQuery) {
        return jdbc.sql(cohortQuery)
                .param(cohortId.value())
                .query((rs, i) -> restore(cohortId, rs))
                .optional();
    }

    private Roster restore(CohortId cohortId, ResultSet cohort) throws SQLException {
        return Roster.restore(cohortId, cohort.getString("cohort_code"), cohort.getString("course_code"),
                schedule(cohort), entries(cohortId), lock(cohort));
    }

    private List<RosterEntry> entries(CohortId cohortId) {
        return jdbc.sql("""
                select participant_id, participant_name, institution_code, seat_number, status, enrolled_at, withdrawn_at
                from roster_entry where cohort_id = ?
                """)
                .param(cohortId.value())
                .query((rs, i) -> new RosterEntry(new ParticipantId(rs.getString("participant_id")),
                        rs.getString("participant_name"), rs.getString("institution_code"), rs.getInt("seat_number"),
                        EntryStatus.valueOf(rs.getString("status")), instant(rs, "enrolled_at"),
                        nullableInstant(rs, "withdrawn_at")))
                .list();
    }

    private static @Nullable CohortSchedule schedule(ResultSet rs) throws SQLException {
        int hours = rs.getInt("course_hours");
        if (rs.wasNull()) {
            return null;
        }
        return new CohortSchedule(new Course(rs.getString("course_code"), rs.getString("course_title"), hours),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("location"), rs.getInt("capacity"));
    }

    private static @Nullable RosterLock lock(ResultSet rs) throws SQLException {
        int fillNumber = rs.getInt("fill_number");
        return rs.wasNull() ? null : new RosterLock(fillNumber, instant(rs, "locked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
