package org.aula.session.domain.attendance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;

/** Attendance as recorded, append-only; for each session and participant the latest entry counts. */
public interface AttendanceLog {

    void append(AttendanceEntry entry);

    Optional<AttendanceEntry> latest(CohortId cohortId, SessionId sessionId, ParticipantId participantId);

    /** The entry that counts for each participant recorded in a session. */
    List<AttendanceEntry> latestOfSession(CohortId cohortId, SessionId sessionId);

    /** Every entry for one participant and session, oldest first. */
    List<AttendanceEntry> history(CohortId cohortId, SessionId sessionId, ParticipantId participantId);

    /** Each participant's hours attended: the sum over sessions of the entries that count. */
    Map<ParticipantId, BigDecimal> hoursAttended(CohortId cohortId);
}
