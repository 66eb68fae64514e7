package org.aula.enrollment.domain;

/**
 * Where a cohort is in its lifecycle:
 * {@code PLANNED -> OPEN <-> FULL -> IN_DELIVERY -> COMPLETED}, and {@code CANCELLED} from
 * {@code PLANNED}, {@code OPEN} or {@code FULL}. Only {@link Cohort} moves a cohort along it.
 */
public enum CohortStatus {
    /** Scheduled, not yet taking nominations. */
    PLANNED,
    /** Taking nominations, and at least one seat is free: the next nomination gets a seat. */
    OPEN,
    /** Taking nominations, every seat is taken: the next nomination joins the waitlist. */
    FULL,
    /** Being delivered: the roster is closed to nominations and withdrawals. */
    IN_DELIVERY,
    /** Delivered. */
    COMPLETED,
    /** Called off; everyone nominated was withdrawn. */
    CANCELLED;

    /** Whether nominations (and withdrawals) are taken: OPEN or FULL. */
    public boolean takesNominations() {
        return this == OPEN || this == FULL;
    }
}
