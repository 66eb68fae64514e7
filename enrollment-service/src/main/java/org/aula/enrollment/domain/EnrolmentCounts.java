package org.aula.enrollment.domain;

/** How many of one institution's officials are enrolled, waiting and withdrawn in a cohort: numbers only. */
public record EnrolmentCounts(int enrolled, int waitlisted, int withdrawn) {

    public EnrolmentCounts {
        if (enrolled < 0 || waitlisted < 0 || withdrawn < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** Seats and waitlist places held: what a seat quota limits. */
    public int places() {
        return enrolled + waitlisted;
    }
}
