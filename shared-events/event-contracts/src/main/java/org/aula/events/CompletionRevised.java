package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code org.aula.session.completion.revised.v1} on {@code session.events}, key {@code cohortId}:
 * a completion decision was revised after a correction (never a silent change): the previous and the new decision with the new figures.
 * The figures are JSON numbers and, since 1.2, also exact decimal strings ({@code hoursAttendedExact}, ...):
 * prefer those when present. Since 1.3 it also carries what a certificate needs ({@code participantName},
 * {@code courseTitle}, {@code courseHours}, {@code startDate}, {@code endDate}), so that certification can issue one
 * from a revision to COMPLETED; {@code revision} numbers the revisions of one completion from 1, so consumers apply
 * them in order whatever order they arrive in.
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
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("attendanceRate") String attendanceRateExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") String participantName,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") String courseTitle,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") Integer courseHours,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") LocalDate startDate,
        @JsonInclude(JsonInclude.Include.NON_NULL) @AddedInMinor("1.3") LocalDate endDate) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CompletionRevised {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    /** As written before the certificate's facts were added (1.3): without them. */
    public CompletionRevised(String completionId, String cohortId, String cohortCode, String courseCode,
            String participantId, String institutionCode, int revision, String previousDecision, String decision,
            double hoursAttended, double hoursScheduled, double attendanceRate, List<AssessmentResult> assessments,
            String ruleVersion, String reason, Instant revisedAt, String hoursAttendedExact, String hoursScheduledExact,
            String attendanceRateExact) {
        this(completionId, cohortId, cohortCode, courseCode, participantId, institutionCode, revision,
                previousDecision, decision, hoursAttended, hoursScheduled, attendanceRate, assessments, ruleVersion,
                reason, revisedAt, hoursAttendedExact, hoursScheduledExact, attendanceRateExact,
                null, null, null, null, null);
    }

    /** As written before the exact figures were added (1.2): without them. */
    public CompletionRevised(String completionId, String cohortId, String cohortCode, String courseCode,
            String participantId, String institutionCode, int revision, String previousDecision, String decision,
            double hoursAttended, double hoursScheduled, double attendanceRate, List<AssessmentResult> assessments,
            String ruleVersion, String reason, Instant revisedAt) {
        this(completionId, cohortId, cohortCode, courseCode, participantId, institutionCode, revision,
                previousDecision, decision, hoursAttended, hoursScheduled, attendanceRate, assessments, ruleVersion,
                reason, revisedAt, null, null, null, null, null, null, null, null);
    }

    /** Whether it carries the holder's name, the course's title and hours and the dates (written by 1.3 and later). */
    public boolean carriesCertificateFacts() {
        return participantName != null && courseTitle != null && courseHours != null && startDate != null
                && endDate != null;
    }

    @Override
    public String key() {
        return cohortId;
    }
}
