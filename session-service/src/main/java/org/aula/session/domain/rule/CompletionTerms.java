package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.aula.session.domain.Decimals;

/**
 * What a course asks of a participant to complete it: a minimum share of the course's
 * <em>scheduled</em> hours attended (80% unless said otherwise) and every required assessment
 * passed. Terms compare by value, so an unchanged definition makes no new rule version.
 */
public record CompletionTerms(BigDecimal minimumAttendanceRate, List<RequiredAssessment> assessments) {

    /** The threshold when nothing else is configured. */
    public static final BigDecimal DEFAULT_MINIMUM_ATTENDANCE_RATE = new BigDecimal("0.80");

    public CompletionTerms {
        Objects.requireNonNull(minimumAttendanceRate, "minimum attendance rate");
        if (minimumAttendanceRate.signum() <= 0 || minimumAttendanceRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("minimum attendance rate must lie in (0, 1]");
        }
        minimumAttendanceRate = Decimals.normal(minimumAttendanceRate);
        assessments = List.copyOf(assessments);
        Set<String> codes = new HashSet<>();
        for (RequiredAssessment assessment : assessments) {
            if (!codes.add(assessment.code())) {
                throw new IllegalArgumentException("assessment " + assessment.code() + " is required twice");
            }
        }
    }

    /** Attendance alone decides: no required assessments. */
    public static CompletionTerms attendanceOnly(BigDecimal minimumAttendanceRate) {
        return new CompletionTerms(minimumAttendanceRate, List.of());
    }

    /** 80% of the scheduled hours, no assessments. */
    public static CompletionTerms standard() {
        return attendanceOnly(DEFAULT_MINIMUM_ATTENDANCE_RATE);
    }

    public Optional<RequiredAssessment> assessment(String code) {
        return assessments.stream().filter(assessment -> assessment.code().equals(code)).findFirst();
    }
}
