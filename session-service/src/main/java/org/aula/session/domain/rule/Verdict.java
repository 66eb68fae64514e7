package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.aula.session.domain.Decimals;

/**
 * What the completion rule found for one participant: the decision and every figure it rests on.
 * Two verdicts are equal when decision and figures are; a correction that leaves the verdict
 * equal revises nothing.
 *
 * @param reasons why not completed, empty when completed: {@value #WITHDRAWN},
 *                {@value #ATTENDANCE_BELOW_MINIMUM}, {@code assessment-failed:<code>},
 *                {@code assessment-missing:<code>}
 */
public record Verdict(Decision decision, BigDecimal hoursAttended, BigDecimal hoursScheduled,
        BigDecimal attendanceRate, List<AssessmentOutcome> assessments, List<String> reasons) {

    public static final String WITHDRAWN = "withdrawn";
    public static final String ATTENDANCE_BELOW_MINIMUM = "attendance-below-minimum";
    public static final String ASSESSMENT_FAILED = "assessment-failed:";
    public static final String ASSESSMENT_MISSING = "assessment-missing:";

    public Verdict {
        Objects.requireNonNull(decision, "decision");
        hoursAttended = Decimals.normal(hoursAttended);
        hoursScheduled = Decimals.normal(hoursScheduled);
        attendanceRate = Decimals.normal(attendanceRate);
        assessments = List.copyOf(assessments);
        reasons = List.copyOf(reasons);
        if ((decision == Decision.COMPLETED) != reasons.isEmpty()) {
            throw new IllegalArgumentException("a verdict gives reasons exactly when it is NOT_COMPLETED");
        }
    }

    public boolean completed() {
        return decision == Decision.COMPLETED;
    }
}
