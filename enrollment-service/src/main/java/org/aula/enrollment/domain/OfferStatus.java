package org.aula.enrollment.domain;

/** Where a seat offer stands. PENDING, ACCEPTED and DECLINED are stored; EXPIRED is a PENDING offer past its time. */
public enum OfferStatus {
    /** Open for acceptance until it expires. */
    PENDING,
    /** Accepted: the official holds a seat in the offering cohort and left the waitlist they were on. */
    ACCEPTED,
    /** Not accepted in time; the official keeps their waitlist place. */
    EXPIRED,
    /** Declined for the official (by their institution or staff); they keep their waitlist place, the seat is offered on. */
    DECLINED
}
