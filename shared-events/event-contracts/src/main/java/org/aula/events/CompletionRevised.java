package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.session.completion.revised.v1} on {@code session.events}, key {@code cohortId}:
 * a completion decision was revised after a correction (never a silent change): the previous and the new decision with the new figures.
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
        Instant revisedAt) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CompletionRevised {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
