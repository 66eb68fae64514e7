package org.aula.certification.domain;

import java.time.Instant;

import org.aula.kernel.Require;

/**
 * session-service's verdict on one participant in one cohort, as far as the completion figures
 * need it: who decided what, for which course, cohort and institution. No name.
 */
public record CompletionDecision(CompletionId completionId, ParticipantId participantId, CohortId cohortId,
        String cohortCode, String courseCode, String institutionCode, Outcome outcome, Instant decidedAt) {

    public CompletionDecision {
        Require.present(completionId, "completion id");
        Require.present(participantId, "participant id");
        Require.present(cohortId, "cohort id");
        cohortCode = Require.text(cohortCode, "cohort code");
        courseCode = Require.text(courseCode, "course code");
        institutionCode = Require.text(institutionCode, "institution code");
        Require.present(outcome, "outcome");
        Require.present(decidedAt, "decided at");
    }

    /** Completed, or not. */
    public enum Outcome { COMPLETED, NOT_COMPLETED }
}
