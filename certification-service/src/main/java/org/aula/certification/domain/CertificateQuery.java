package org.aula.certification.domain;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * Which certificates to list: those of a cohort, of a participant, or of a participant in a
 * cohort, optionally only of holders a given institution nominated (a partner sees no other). A
 * cohort or a participant is required, so no query lists every certificate ever issued.
 */
public record CertificateQuery(@Nullable CohortId cohortId, @Nullable ParticipantId participantId,
        @Nullable String institutionCode) {

    public CertificateQuery {
        if (cohortId == null && participantId == null) {
            throw new IllegalArgumentException("a cohort id or a participant id is required");
        }
        if (institutionCode != null) {
            institutionCode = Require.text(institutionCode, "institution code");
        }
    }

    /** Certificates of a cohort and/or a participant, whichever institution nominated the holder. */
    public CertificateQuery(@Nullable CohortId cohortId, @Nullable ParticipantId participantId) {
        this(cohortId, participantId, null);
    }
}
