package org.aula.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Every cohort: the port the persistence adapter implements. */
public interface Cohorts {

    /** Stores a newly scheduled cohort (and its quotas); false (and nothing stored) when its code is taken. */
    boolean add(Cohort cohort, Instant scheduledAt);

    Optional<Cohort> find(CohortId id);

    /** The cohort; refused ({@link CohortRefused.Reason#COHORT_UNKNOWN}) when there is none. */
    default Cohort get(CohortId id) {
        return find(id).orElseThrow(() -> CohortRefused.unknown(id));
    }

    Optional<Cohort> findByCode(CohortCode code);

    /** Cohorts in start-date order (then code), optionally of one course and/or in one status. */
    Paging.Page<Cohort> list(@Nullable String courseCode, @Nullable CohortStatus status, Paging paging);

    /**
     * OPEN cohorts of a course starting on or after {@code from}, other than {@code excluding}, in start-date
     * order (then code): where the waitlist of a full cohort of that course is offered seats.
     */
    List<Cohort> openCohortsOfCourse(String courseCode, LocalDate from, CohortId excluding);

    /** Locks the cohort's row until the transaction ends and answers its current state. */
    Optional<Cohort> lock(CohortId id);

    /**
     * {@link #lock} for a nomination by {@code institution}: the cohort's current state and the places the
     * institution holds in it, read together under the lock (one statement fewer inside the lock that every
     * nomination of the cohort waits for; issue 11).
     */
    Optional<Nominating> lockToNominate(CohortId id, InstitutionCode institution);

    /** A locked cohort and an institution's counts in it. */
    record Nominating(Cohort cohort, EnrolmentCounts held) {
    }

    /**
     * Applies a seat claim with one conditional update that never takes more seats than there are, nor a
     * seat of a cohort that is not OPEN, and that makes the cohort FULL and counts a fill when it takes the
     * last seat. Call it under the cohort's row lock; throws {@link IllegalStateException} if the store does
     * not end where the aggregate said it would.
     */
    void claimSeat(Cohort.SeatClaim claim);

    /** Stores seats, fill number and status of a cohort whose row this transaction has locked. */
    void update(Cohort cohort, Instant at);

    /**
     * Applies a lifecycle transition, guarded by the status it starts from; throws
     * {@link IllegalStateException} when the stored status is not that one.
     */
    void apply(Transition transition, Instant at);

    /** Stores the seat quotas of a cohort whose row this transaction has locked. */
    void updateQuotas(Cohort cohort);
}
