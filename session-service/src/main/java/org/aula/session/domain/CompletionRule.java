package org.aula.session.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The course completion policy: a participant completes when the hours attended reach at least
 * the minimum share of the course's scheduled hours (80% by default). Decided on exact decimals, so
 * 32 of 40 hours completes and 31.96 of 40 does not.
 *
 * <p>{@link #version()} names the rule a decision was made under and travels with every
 * decision; it carries the threshold ({@code attendance-min-80.v1}), so decisions made under a
 * changed threshold are told apart. Required assessments join the rule in a later version.
 */
public final class CompletionRule {

    /** The threshold when nothing else is configured. */
    public static final BigDecimal DEFAULT_MINIMUM_ATTENDANCE_RATE = new BigDecimal("0.80");

    private final BigDecimal minimumAttendanceRate;
    private final String version;

    public CompletionRule(BigDecimal minimumAttendanceRate) {
        Objects.requireNonNull(minimumAttendanceRate, "minimum attendance rate");
        if (minimumAttendanceRate.signum() <= 0 || minimumAttendanceRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("minimum attendance rate must lie in (0, 1], was " + minimumAttendanceRate);
        }
        this.minimumAttendanceRate = minimumAttendanceRate;
        this.version = "attendance-min-" + minimumAttendanceRate.movePointRight(2).stripTrailingZeros().toPlainString() + ".v1";
    }

    /** The rule with the default threshold of 80%. */
    public static CompletionRule standard() {
        return new CompletionRule(DEFAULT_MINIMUM_ATTENDANCE_RATE);
    }

    /** Completed when the attended share reaches the threshold, else not completed. */
    public Decision decide(Attendance attendance) {
        return attendance.reaches(minimumAttendanceRate) ? Decision.COMPLETED : Decision.NOT_COMPLETED;
    }

    /** Name and version of this rule as recorded with each decision, e.g. {@code attendance-min-80.v1}. */
    public String version() {
        return version;
    }

    public BigDecimal minimumAttendanceRate() {
        return minimumAttendanceRate;
    }

    @Override
    public String toString() {
        return version;
    }
}
