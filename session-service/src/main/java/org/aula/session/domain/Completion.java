package org.aula.session.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The one completion decision for a participant of a cohort, with the figures it was made on and
 * the version of the rule that made it.
 */
public record Completion(CompletionId id, CohortId cohortId, ParticipantId participantId, Decision decision,
        BigDecimal hoursAttended, BigDecimal hoursScheduled, BigDecimal attendanceRate, String ruleVersion,
        Instant decidedAt) {

    public Completion {
        Objects.requireNonNull(id, "completion id");
        Objects.requireNonNull(cohortId, "cohort id");
        Objects.requireNonNull(participantId, "participant id");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(hoursAttended, "hours attended");
        Objects.requireNonNull(hoursScheduled, "hours scheduled");
        Objects.requireNonNull(attendanceRate, "attendance rate");
        Require.text(ruleVersion, "rule version");
        Objects.requireNonNull(decidedAt, "decided at");
    }

    public boolean completed() {
        return decision == Decision.COMPLETED;
    }
}
