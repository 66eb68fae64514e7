package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code org.aula.session.course.completed.v1} on {@code session.events}, key {@code cohortId}:
 * a participant met the course's completion rule ({@code ruleVersion}); carries the figures the
 * decision was made on, and what a certificate needs.
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
        List<AssessmentResult> assessments) implements AulaEvent {

    /** Absent in events written before assessments were added (1.1): read as none. */
    public CourseCompleted {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
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
