package org.aula.session.domain.roster;

import java.util.List;
import java.util.Optional;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;

/** The cohorts' rosters as stored; the lock methods hold the roster until the caller's transaction ends. */
public interface Rosters {

    /** The roster as last committed, for reading. */
    Optional<Roster> find(CohortId cohortId);

    /** The roster, locked against concurrent changes, if the cohort is known. */
    Optional<Roster> lock(CohortId cohortId);

    /** The roster, locked; an empty one is opened first if the cohort is not known yet. */
    Roster lockOrOpen(CohortId cohortId, String cohortCode, String courseCode);

    /** The cohorts whose roster names this participant, in id order (the order to lock them in). */
    List<CohortId> withParticipant(ParticipantId participantId);

    /** Stores the roster's state; call it while holding the roster's lock. */
    void save(Roster roster);
}
