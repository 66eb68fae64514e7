package org.aula.enrollment.domain;

import java.util.List;

/** A cohort cannot be scheduled, found or changed as asked; nothing was changed. */
public class CohortRefused extends RuntimeException {

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

    private final Reason reason;
    private final List<FieldFault> faults;

    public CohortRefused(Reason reason, String message, List<FieldFault> faults) {
        super(message);
        this.reason = reason;
        this.faults = List.copyOf(faults);
    }

    public CohortRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /** No cohort with this id. */
    public static CohortRefused unknown(CohortId id) {
        return new CohortRefused(Reason.COHORT_UNKNOWN, "no cohort with id " + id);
    }

    public Reason reason() {
        return reason;
    }

    /** The fields at fault, when the refusal is about the values asked for. */
    public List<FieldFault> faults() {
        return faults;
    }
}
