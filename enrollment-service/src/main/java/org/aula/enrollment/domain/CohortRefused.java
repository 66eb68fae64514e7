package org.aula.enrollment.domain;

import java.util.List;

import org.aula.kernel.Refusal;

/** A cohort cannot be scheduled, found or changed as asked; nothing was changed. */
public class CohortRefused extends Refusal {

    /** Why the cohort refused. */
    public enum Reason {
        /** No cohort with this id. */
        COHORT_UNKNOWN,
        /** Another cohort has this code. */
        CODE_TAKEN,
        /** The lifecycle does not allow the step from the cohort's current status. */
        STATUS_CHANGE,
        /** A seat quota larger than the cohort's seats. */
        QUOTA_ABOVE_CAPACITY,
        /** The course is in the catalogue and the title or hours given contradict it. */
        COURSE_CONTRADICTS_CATALOGUE,
        /** The course is not in the catalogue and its title or hours were not given. */
        COURSE_NOT_IN_CATALOGUE
    }

    public CohortRefused(Reason reason, String message, List<Fault> faults) {
        super(reason, message, faults);
    }

    public CohortRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /** No cohort with this id. */
    public static CohortRefused unknown(CohortId id) {
        return new CohortRefused(Reason.COHORT_UNKNOWN, "no cohort with id " + id);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
