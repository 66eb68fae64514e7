package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.session.course.not-completed.v1} on {@code session.events}, key {@code cohortId}:
 * a participant did not meet the course's completion rule; carries the rule version, the figures and the reasons.
 * The figures are JSON numbers and, since 1.2, also exact decimal strings ({@code hoursAttendedExact}, ...):
 * prefer those when present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseNotCompleted(
        String completionId,
        String cohortId,
        String cohortCode,
        String courseCode,
        String participantId,
        String institutionCode,
        double hoursAttended,
        double hoursScheduled,
        double attendanceRate,
        List<AssessmentResult> assessments,
        List<String> reasons,
        String ruleVersion,
        Instant decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursAttended") String hoursAttendedExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursScheduled") String hoursScheduledExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("attendanceRate") String attendanceRateExact) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CourseNotCompleted {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** As written before the exact figures were added (1.2): without them. */
    public CourseNotCompleted(String completionId, String cohortId, String cohortCode, String courseCode,
            String participantId, String institutionCode, double hoursAttended, double hoursScheduled,
            double attendanceRate, List<AssessmentResult> assessments, List<String> reasons, String ruleVersion,
            Instant decidedAt) {
        this(completionId, cohortId, cohortCode, courseCode, participantId, institutionCode, hoursAttended,
                hoursScheduled, attendanceRate, assessments, reasons, ruleVersion, decidedAt, null, null, null);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
