package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every cohort: the port the persistence adapter implements. */
public interface Cohorts {

    /** Stores a newly scheduled cohort; false (and nothing stored) when its code is taken. */
    boolean add(Cohort cohort, Instant scheduledAt);

    Optional<Cohort> find(CohortId id);

    Optional<Cohort> findByCode(CohortCode code);

    /** Cohorts in start-date order, at most {@code limit}. */
    List<Cohort> list(int limit);

    /**
     * Claims one free seat, atomically: one conditional update that never takes more seats than
     * there are, also counting a fill when it takes the last seat. Answers the cohort as it is after
     * the claim, or empty when no seat was free (or there is no such cohort). Either way, when the
     * cohort exists its row is locked until the transaction ends.
     */
    Optional<Cohort> claimSeat(CohortId id);

    /** Locks the cohort's row until the transaction ends and answers its current state. */
    Optional<Cohort> lock(CohortId id);

    /** Stores the seats of a cohort whose row this transaction has locked. */
    void updateSeats(Cohort cohort);
}
