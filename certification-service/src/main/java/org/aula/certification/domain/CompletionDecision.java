package org.aula.certification.domain;

import java.time.Instant;

import org.aula.kernel.Require;

/**
 * session-service's verdict on one participant in one cohort, as far as the completion figures
 * need it: who decided what, for which course, cohort and institution. No name. Decisions of one
 * participant in a cohort are ordered by {@code revision} (0 as first decided, then each revision's
 * number), then by time, as certificates are (see {@link CertificateCorrection}).
 */
public record CompletionDecision(CompletionId completionId, ParticipantId participantId, CohortId cohortId,
        String cohortCode, String courseCode, String institutionCode, Outcome outcome, Instant decidedAt, int revision) {

    /** A decision as first made (revision 0). */
    public CompletionDecision(CompletionId completionId, ParticipantId participantId, CohortId cohortId,
            String cohortCode, String courseCode, String institutionCode, Outcome outcome, Instant decidedAt) {
        this(completionId, participantId, cohortId, cohortCode, courseCode, institutionCode, outcome, decidedAt, 0);
    }

    public CompletionDecision {
        Require.present(completionId, "completion id");
        Require.present(participantId, "participant id");
        Require.present(cohortId, "cohort id");
        cohortCode = Require.text(cohortCode, "cohort code");
        courseCode = Require.text(courseCode, "course code");
        institutionCode = Require.text(institutionCode, "institution code");
        Require.present(outcome, "outcome");
        Require.present(decidedAt, "decided at");
        Require.notNegative(revision, "revision");
    }

    /** Completed, or not. */
    public enum Outcome { COMPLETED, NOT_COMPLETED }
}
