package org.aula.enrollment.domain;

/** A lifecycle step the cohort's current status does not allow (e.g. completing a cohort that never started). */
public class TransitionRefusedException extends IllegalStateException {

    private final CohortStatus from;
    private final CohortStatus to;

    public TransitionRefusedException(CohortId cohort, CohortStatus from, CohortStatus to) {
        super("cohort " + cohort + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public CohortStatus from() {
        return from;
    }

    public CohortStatus to() {
        return to;
    }
}
