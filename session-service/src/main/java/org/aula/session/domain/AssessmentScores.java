package org.aula.session.domain;

import java.util.List;
import java.util.Optional;

/** Assessment scores as recorded, append-only; for each assessment and participant the latest counts. */
public interface AssessmentScores {

    void append(AssessmentScore score);

    Optional<AssessmentScore> latest(CohortId cohortId, String assessmentCode, ParticipantId participantId);

    /** The score that counts for every assessment and participant of a cohort. */
    List<AssessmentScore> latestOfCohort(CohortId cohortId);
}
