package org.aula.session.domain.attendance;

import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;

/** Assessment scores as recorded, append-only; for each assessment and participant the latest counts. */
public interface AssessmentScores {

    void append(AssessmentScore score);

    Optional<AssessmentScore> latest(CohortId cohortId, String assessmentCode, ParticipantId participantId);

    /** The score that counts for every assessment and participant of a cohort. */
    List<AssessmentScore> latestOfCohort(CohortId cohortId);
}
