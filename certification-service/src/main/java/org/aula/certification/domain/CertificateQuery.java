package org.aula.certification.domain;

import org.jspecify.annotations.Nullable;

/**
 * Which certificates to list: those of a cohort, of a participant, or of a participant in a
 * cohort. At least one is required, so no query lists every certificate ever issued.
 */
public record CertificateQuery(@Nullable CohortId cohortId, @Nullable ParticipantId participantId) {

    public CertificateQuery {
        if (cohortId == null && participantId == null) {
            throw new IllegalArgumentException("a cohort id or a participant id is required");
        }
    }
}
