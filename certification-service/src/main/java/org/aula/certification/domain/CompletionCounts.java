package org.aula.certification.domain;

import org.aula.kernel.Require;

/**
 * One institution's officials in one cohort as the aggregate feed tells donors: decided, completed,
 * certificates issued and revoked. Counts only, never a person.
 */
public record CompletionCounts(CohortId cohortId, String cohortCode, String courseCode, String institutionCode,
        int decided, int completed, int certificatesIssued, int certificatesRevoked) {

    public CompletionCounts {
        Require.present(cohortId, "cohort id");
        cohortCode = Require.text(cohortCode, "cohort code");
        courseCode = Require.text(courseCode, "course code");
        institutionCode = Require.text(institutionCode, "institution code");
        Require.notNegative(decided, "decided");
        Require.notNegative(completed, "completed");
        Require.notNegative(certificatesIssued, "certificates issued");
        Require.notNegative(certificatesRevoked, "certificates revoked");
    }

    /** Decided but not completed. */
    public int notCompleted() {
        return decided - completed;
    }
}
