package org.aula.certification.domain;

import java.time.Instant;

/**
 * session-service's verdict on one participant in one cohort, as far as the completion figures
 * need it: who decided what, for which course, cohort and institution. No name.
 */
public record CompletionDecision(CompletionId completionId, ParticipantId participantId, CohortId cohortId,
        String cohortCode, String courseCode, String institutionCode, Outcome outcome, Instant decidedAt) {

    public CompletionDecision {
        Guards.present(completionId, "completion id");
        Guards.present(participantId, "participant id");
        Guards.present(cohortId, "cohort id");
        cohortCode = Guards.text(cohortCode, "cohort code");
        courseCode = Guards.text(courseCode, "course code");
        institutionCode = Guards.text(institutionCode, "institution code");
        Guards.present(outcome, "outcome");
        Guards.present(decidedAt, "decided at");
    }

    /** Completed, or not. */
    public enum Outcome { COMPLETED, NOT_COMPLETED }
}
