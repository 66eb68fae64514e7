package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.session.completion.revised.v1} on {@code session.events}, key {@code cohortId}:
 * a completion decision was revised after a correction (never a silent change): the previous and the new decision with the new figures.
 * The figures are JSON numbers and, since 1.2, also exact decimal strings ({@code hoursAttendedExact}, ...):
 * prefer those when present.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRevised(
        String completionId,
        String cohortId,
        String cohortCode,
        String courseCode,
        String participantId,
        String institutionCode,
        int revision,
        String previousDecision,
        String decision,
        double hoursAttended,
        double hoursScheduled,
        double attendanceRate,
        List<AssessmentResult> assessments,
        String ruleVersion,
        String reason,
        Instant revisedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursAttended") String hoursAttendedExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("hoursScheduled") String hoursScheduledExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("attendanceRate") String attendanceRateExact) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CompletionRevised {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** As written before the exact figures were added (1.2): without them. */
    public CompletionRevised(String completionId, String cohortId, String cohortCode, String courseCode,
            String participantId, String institutionCode, int revision, String previousDecision, String decision,
            double hoursAttended, double hoursScheduled, double attendanceRate, List<AssessmentResult> assessments,
            String ruleVersion, String reason, Instant revisedAt) {
        this(completionId, cohortId, cohortCode, courseCode, participantId, institutionCode, revision,
                previousDecision, decision, hoursAttended, hoursScheduled, attendanceRate, assessments, ruleVersion,
                reason, revisedAt, null, null, null);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
