package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.aula.kernel.Require;

/**
 * Hours a participant attended out of the hours the course schedules. The share is taken over the
 * course's scheduled hours, never over the sessions held so far (Moodle's attendance plugin counts
 * 5 of 5 past sessions as 100% although 10 are scheduled; see NOTES.md).
 */
public record Attendance(BigDecimal hoursAttended, BigDecimal hoursScheduled) {

    /** Decimal places of {@link #rate()}; it is truncated, so it never reads higher than the exact share. */
    public static final int RATE_SCALE = 6;

    public Attendance {
        Objects.requireNonNull(hoursAttended, "hours attended");
        Objects.requireNonNull(hoursScheduled, "hours scheduled");
        if (hoursScheduled.signum() <= 0) {
            throw new IllegalArgumentException("hours scheduled must be positive");
        }
        Require.inRange(hoursAttended, BigDecimal.ZERO, hoursScheduled, "hours attended");
    }

    /** The attended share of the scheduled hours, 0..1, truncated to {@value #RATE_SCALE} places. */
    public BigDecimal rate() {
        BigDecimal rate = hoursAttended.divide(hoursScheduled, RATE_SCALE, RoundingMode.DOWN);
        return rate.signum() == 0 ? BigDecimal.ZERO : rate.stripTrailingZeros();
    }

    /** Whether the exact share (not the truncated {@link #rate()}) reaches {@code minimumRate}. */
    boolean reaches(BigDecimal minimumRate) {
        return hoursAttended.compareTo(minimumRate.multiply(hoursScheduled)) >= 0;
    }
}
