package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.session.course.not-completed.v1} on {@code session.events}, key {@code cohortId}:
 * a participant did not meet the course's completion rule; carries the rule version, the figures and the reasons.
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
        Instant decidedAt) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CourseNotCompleted {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
