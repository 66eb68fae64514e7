package org.aula.enrollment.domain;

/** Whether a cohort still has a free seat. */
public enum CohortStatus {
    /** At least one seat is free: the next nomination gets a seat. */
    OPEN,
    /** Every seat is taken: the next nomination joins the waitlist. */
    FULL
}
