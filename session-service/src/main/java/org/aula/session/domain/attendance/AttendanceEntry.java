package org.aula.session.domain.attendance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.Decimals;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * Hours one participant attended of one delivered session, as recorded at {@code recordedAt}.
 * Entries are never changed: a correction is a newer entry, and the latest counts.
 *
 * @param sheetId the uploaded sheet the entry came from, null for a single entry
 */
public record AttendanceEntry(CohortId cohortId, SessionId sessionId, ParticipantId participantId, BigDecimal hours,
        AttendanceSource source, @Nullable UUID sheetId, Instant recordedAt) {

    public AttendanceEntry {
        Objects.requireNonNull(cohortId, "cohort id");
        Objects.requireNonNull(sessionId, "session id");
        Objects.requireNonNull(participantId, "participant id");
        Objects.requireNonNull(hours, "hours");
        if (hours.signum() < 0) {
            throw new IllegalArgumentException("hours attended must not be negative");
        }
        hours = Decimals.normal(hours);
        Objects.requireNonNull(source, "source");
        if ((source == AttendanceSource.SHEET) != (sheetId != null)) {
            throw new IllegalArgumentException("an entry from a sheet, and only one, names its sheet");
        }
        Objects.requireNonNull(recordedAt, "recorded at");
    }

    /** Whether this entry would record what {@code hours} says (so recording it again changes nothing). */
    public boolean sameHoursAs(BigDecimal other) {
        return hours.compareTo(other) == 0;
    }
}
