package org.aula.certification.domain;

import java.math.BigDecimal;
import java.time.Instant;

import org.aula.kernel.Require;

/**
 * One participant's decided attendance of one cohort, as the donor report counts it: the codes,
 * the outcome and the hours attended. An opaque participant id (to count people once), no name.
 * {@code revision} is 0 for the decision as first made, then the number of the revision that
 * replaced it: decisions are ordered by it, then by time, as the completion figures order them.
 */
public record Participation(ParticipantId participantId, CohortId cohortId, String cohortCode, String courseCode,
        String institutionCode, CompletionDecision.Outcome outcome, BigDecimal hoursAttended, Instant decidedAt,
        int revision) {

    /** More than any course could schedule; guards against a unit mix-up (minutes for hours). */
    private static final BigDecimal MAX_HOURS = new BigDecimal("10000");

    public Participation {
        Require.present(participantId, "participant id");
        Require.present(cohortId, "cohort id");
        cohortCode = Require.text(cohortCode, "cohort code");
        courseCode = Require.text(courseCode, "course code");
        institutionCode = Require.text(institutionCode, "institution code");
        Require.present(outcome, "outcome");
        Require.inRange(hoursAttended, BigDecimal.ZERO, MAX_HOURS, "hours attended");
        Require.present(decidedAt, "decided at");
        Require.notNegative(revision, "revision");
    }
}
