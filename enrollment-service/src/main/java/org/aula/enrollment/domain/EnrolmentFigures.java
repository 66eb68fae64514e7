package org.aula.enrollment.domain;

import java.util.List;

/** Seats and waitlists as dashboards read them: per live cohort and per institution, codes and counts only. */
public interface EnrolmentFigures {

    /** Every cohort not yet completed or cancelled, with its seats and waitlist. */
    List<CohortFill> liveCohorts();

    /**
     * Per nominating institution: officials holding a seat in any cohort not cancelled, and
     * officials waiting in a cohort still taking nominations (planned, open or full).
     */
    List<InstitutionHeadcount> byInstitution();

    /** One cohort's seats taken of its capacity, and its waitlist length. */
    record CohortFill(String cohortCode, int seatsTaken, int capacity, int waitlisted) {

        /** Seats taken ÷ capacity, 0 to 1. */
        public double fillRatio() {
            return capacity == 0 ? 0 : (double) seatsTaken / capacity;
        }
    }

    /** One institution's officials enrolled and waiting. */
    record InstitutionHeadcount(String institutionCode, long enrolled, long waitlisted) {
    }
}
