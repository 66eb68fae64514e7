package org.aula.enrollment.domain;

/** Where a participant stands in a cohort. */
public enum EnrolmentStatus {
    /** Holds a seat. */
    ENROLLED,
    /** Waits for a seat; promoted in waitlist order when one is freed. */
    WAITLISTED,
    /** Left the cohort (seat or waitlist place given up). */
    WITHDRAWN
}
