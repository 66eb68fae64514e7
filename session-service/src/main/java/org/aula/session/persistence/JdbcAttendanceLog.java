package org.aula.session.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.aula.session.domain.attendance.AttendanceEntry;
import org.aula.session.domain.attendance.AttendanceLog;
import org.aula.session.domain.attendance.AttendanceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Attendance in the append-only table {@code attendance_record}; the row with the highest id per session and participant counts. */
@Repository
class JdbcAttendanceLog implements AttendanceLog {

    private static final String COLUMNS = "cohort_id, session_id, participant_id, hours, source, sheet_id, recorded_at";
    private static final String LATEST = """
            select distinct on (session_id, participant_id) %s
            from attendance_record where cohort_id = ?
            """.formatted(COLUMNS);

    private final JdbcClient jdbc;

    JdbcAttendanceLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(AttendanceEntry entry) {
        jdbc.sql("insert into attendance_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(entry.cohortId().value(), entry.sessionId().value(), entry.participantId().value(),
                        entry.hours(), entry.source().name(), entry.sheetId(), Sql.timestamp(entry.recordedAt()))
                .update();
    }

    @Override
    public Optional<AttendanceEntry> latest(CohortId cohortId, SessionId sessionId, ParticipantId participantId) {
        return jdbc.sql("select " + COLUMNS + """
                 from attendance_record where cohort_id = ? and session_id = ? and participant_id = ?
                order by record_id desc limit 1
                """)
                .params(cohortId.value(), sessionId.value(), participantId.value())
                .query((rs, i) -> entry(rs))
                .optional();
    }

    @Override
    public List<AttendanceEntry> latestOfSession(CohortId cohortId, SessionId sessionId) {
        return jdbc.sql(LATEST + " and session_id = ? order by session_id, participant_id, record_id desc")
                .params(cohortId.value(), sessionId.value())
                .query((rs, i) -> entry(rs))
                .list();
    }

    @Override
    public List<AttendanceEntry> history(CohortId cohortId, SessionId sessionId, ParticipantId participantId) {
        return jdbc.sql("select " + COLUMNS + """
                 from attendance_record where cohort_id = ? and session_id = ? and participant_id = ?
                order by record_id
                """)
                .params(cohortId.value(), sessionId.value(), participantId.value())
                .query((rs, i) -> entry(rs))
                .list();
    }

    @Override
    public Map<ParticipantId, BigDecimal> hoursAttended(CohortId cohortId) {
        Map<ParticipantId, BigDecimal> hours = new LinkedHashMap<>();
        jdbc.sql("select participant_id, sum(hours) as hours from (" + LATEST
                        + " order by session_id, participant_id, record_id desc) latest group by participant_id order by participant_id")
                .param(cohortId.value())
                .query(rs -> {
                    hours.put(new ParticipantId(rs.getString("participant_id")), rs.getBigDecimal("hours"));
                });
        return hours;
    }

    private static AttendanceEntry entry(ResultSet rs) throws SQLException {
        return new AttendanceEntry(new CohortId(rs.getString("cohort_id")), new SessionId(rs.getString("session_id")),
                new ParticipantId(rs.getString("participant_id")), rs.getBigDecimal("hours"),
                AttendanceSource.valueOf(rs.getString("source")), rs.getObject("sheet_id", UUID.class),
                Sql.instant(rs, "recorded_at"));
    }
}
