package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What one participant did in a cohort, as the completion rule needs it: hours attended out of the
 * hours scheduled, the latest score of each assessment taken, and whether they withdrew.
 */
public record Participation(BigDecimal hoursAttended, BigDecimal hoursScheduled, Map<String, BigDecimal> scores,
        boolean withdrawn) {

    public Participation {
        Objects.requireNonNull(hoursAttended, "hours attended");
        Objects.requireNonNull(hoursScheduled, "hours scheduled");
        scores = Map.copyOf(scores);
    }

    /** Hours a member of staff states for a participant who holds a seat, no scores (the staff shortcut). */
    public static Participation statedHours(BigDecimal hoursAttended, BigDecimal hoursScheduled) {
        return new Participation(hoursAttended, hoursScheduled, Map.of(), false);
    }
}
