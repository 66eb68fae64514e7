package org.aula.session.domain.completion;

import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;

/** The completion decisions as stored: at most one per participant and cohort, each with its revision history. */
public interface Completions {

    Optional<Completion> of(CohortId cohortId, ParticipantId participantId);

    /** A cohort's decisions in the order they were made. */
    List<Completion> ofCohort(CohortId cohortId);

    /** Every form a decision took, revision 0 first. */
    List<Completion> history(CompletionId completionId);

    /** Stores a new decision; the store refuses a second one for the same participant and cohort. */
    void add(Completion completion);

    /** Stores a revision (the next revision number) and keeps the form it replaces in the history. */
    void revise(Completion revised, String cause);
}
