package org.aula.session.domain;

import java.util.List;
import java.util.Optional;

/** The completion decisions as stored: at most one per participant and cohort. */
public interface Completions {

    Optional<Completion> of(CohortId cohortId, ParticipantId participantId);

    /** A cohort's decisions in the order they were made. */
    List<Completion> ofCohort(CohortId cohortId);

    /** Stores a new decision; the store refuses a second one for the same participant and cohort. */
    void add(Completion completion);
}
