package org.aula.session.domain.completion;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.aula.kernel.Require;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * The one completion decision for a participant of a cohort: the verdict with the figures it was
 * made on and the version of the rule that made it. A correction of what the verdict rests on
 * revises it ({@link #revisedBy}): a new revision, never a silent change.
 *
 * @param revision  0 for the decision as first made, then 1, 2, ... for each revision
 * @param revisedAt when the latest revision was made; null while there is none
 */
public record Completion(CompletionId id, CohortId cohortId, ParticipantId participantId, DecisionBasis basis,
        int revision, Verdict verdict, String ruleVersion, Instant decidedAt, @Nullable Instant revisedAt) {

    public Completion {
        Objects.requireNonNull(id, "completion id");
        Objects.requireNonNull(cohortId, "cohort id");
        Objects.requireNonNull(participantId, "participant id");
        Objects.requireNonNull(basis, "basis");
        Require.notNegative(revision, "revision");
        Objects.requireNonNull(verdict, "verdict");
        Require.text(ruleVersion, "rule version");
        Objects.requireNonNull(decidedAt, "decided at");
        if ((revision == 0) != (revisedAt == null)) {
            throw new IllegalArgumentException("a revised decision, and only one, has a revision time");
        }
    }

    /** A decision made now. */
    public static Completion decided(CompletionId id, CohortId cohortId, ParticipantId participantId,
            DecisionBasis basis, Verdict verdict, String ruleVersion, Instant decidedAt) {
        return new Completion(id, cohortId, participantId, basis, 0, verdict, ruleVersion, decidedAt, null);
    }

    /**
     * The decision revised by a verdict reached on corrected facts, or empty when the verdict (the
     * decision and every figure) is the same. The rule version stays: the participant is judged by
     * the rule they were decided under.
     */
    public Optional<Completion> revisedBy(Verdict corrected, Instant at) {
        if (corrected.equals(verdict)) {
            return Optional.empty();
        }
        return Optional.of(new Completion(id, cohortId, participantId, basis, revision + 1, corrected, ruleVersion,
                decidedAt, at));
    }

    public Decision decision() {
        return verdict.decision();
    }

    public boolean completed() {
        return verdict.completed();
    }

    public BigDecimal hoursAttended() {
        return verdict.hoursAttended();
    }

    public BigDecimal hoursScheduled() {
        return verdict.hoursScheduled();
    }

    public BigDecimal attendanceRate() {
        return verdict.attendanceRate();
    }

    /** When the decision reached its current form: the revision time, else the decision time. */
    public Instant lastChangedAt() {
        return revisedAt == null ? decidedAt : revisedAt;
    }
}
