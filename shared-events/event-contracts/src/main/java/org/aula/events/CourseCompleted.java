package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code org.aula.session.course.completed.v1} on {@code session.events}, key {@code cohortId}:
 * a participant met the course's completion rule ({@code ruleVersion}); carries the figures the
 * decision was made on, and what a certificate needs. The figures are JSON numbers and, since 1.2,
 * also exact decimal strings ({@code hoursAttendedExact}, ...): prefer those when present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseCompleted(
        String completionId,
        String cohortId,
        String cohortCode,
        String courseCode,
        String courseTitle,
        int courseHours,
        LocalDate startDate,
        LocalDate endDate,
        String location,
        String participantId,
        String participantName,
        String institutionCode,
        double hoursAttended,
        double hoursScheduled,
        double attendanceRate,
        String ruleVersion,
        Instant decidedAt,
        List<AssessmentResult> assessments,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursAttended") String hoursAttendedExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursScheduled") String hoursScheduledExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("attendanceRate") String attendanceRateExact) implements AulaEvent {

    /** Absent in events written before assessments were added (1.1): read as none. */
    public CourseCompleted {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** As written before the exact figures were added (1.2): without them. */
    public CourseCompleted(String completionId, String cohortId, String cohortCode, String courseCode,
            String courseTitle, int courseHours, LocalDate startDate, LocalDate endDate, String location,
            String participantId, String participantName, String institutionCode, double hoursAttended,
            double hoursScheduled, double attendanceRate, String ruleVersion, Instant decidedAt,
            List<AssessmentResult> assessments) {
        this(completionId, cohortId, cohortCode, courseCode, courseTitle, courseHours, startDate, endDate, location,
                participantId, participantName, institutionCode, hoursAttended, hoursScheduled, attendanceRate,
                ruleVersion, decidedAt, assessments, null, null, null);
    }

    /** A completion judged on attendance alone (no required assessments). */
    public CourseCompleted(String completionId, String cohortId, String cohortCode, String courseCode,
            String courseTitle, int courseHours, LocalDate startDate, LocalDate endDate, String location,
            String participantId, String participantName, String institutionCode, double hoursAttended,
            double hoursScheduled, double attendanceRate, String ruleVersion, Instant decidedAt) {
        this(completionId, cohortId, cohortCode, courseCode, courseTitle, courseHours, startDate, endDate, location,
                participantId, participantName, institutionCode, hoursAttended, hoursScheduled, attendanceRate,
                ruleVersion, decidedAt, List.of());
    }

    @Override
    public String key() {
        return cohortId;
    }
}
