package org.aula.session.domain;

import java.util.Optional;

/** The cohorts' rosters as stored; the lock methods hold the roster until the caller's transaction ends. */
public interface Rosters {

    /** The roster as last committed, for reading. */
    Optional<Roster> find(CohortId cohortId);

    /** The roster, locked against concurrent changes, if the cohort is known. */
    Optional<Roster> lock(CohortId cohortId);

    /** The roster, locked; an empty one is opened first if the cohort is not known yet. */
    Roster lockOrOpen(CohortId cohortId, String cohortCode, String courseCode);

    /** Stores the roster's state; call it while holding the roster's lock. */
    void save(Roster roster);
}
