package org.aula.session.domain.attendance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.Decimals;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.rule.RequiredAssessment;

/** A participant's score (0..100) in an assessment, as recorded at {@code recordedAt}; a correction is a newer score. */
public record AssessmentScore(CohortId cohortId, String assessmentCode, ParticipantId participantId, BigDecimal score,
        Instant recordedAt) {

    public AssessmentScore {
        Objects.requireNonNull(cohortId, "cohort id");
        Require.text(assessmentCode, "assessment code");
        Objects.requireNonNull(participantId, "participant id");
        score = Decimals.normal(RequiredAssessment.requireScore(score, "score"));
        Objects.requireNonNull(recordedAt, "recorded at");
    }
}
