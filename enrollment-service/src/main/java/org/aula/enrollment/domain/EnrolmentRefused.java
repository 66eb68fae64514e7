package org.aula.enrollment.domain;

import java.util.List;

import org.aula.kernel.Refusal;

/** A nomination, a withdrawal or a substitution is refused; nothing was changed. */
public class EnrolmentRefused extends Refusal {

    /** Why the nomination, withdrawal or substitution was refused. */
    public enum Reason {
        /** No enrolment with this id in the cohort. */
        ENROLMENT_UNKNOWN,
        /** The cohort takes nominations only while it is OPEN or FULL. */
        NOT_TAKING_NOMINATIONS,
        /** The cohort takes withdrawals only while it is OPEN or FULL. */
        NOT_TAKING_WITHDRAWALS,
        /** The official withdrew from this cohort; re-enrolment is not supported. */
        WITHDRAWN_FROM_COHORT,
        /** The nominating institution's seat quota cannot take the new nominees. */
        QUOTA_EXHAUSTED,
        /**
         * The store already holds an enrolment of the participant in the cohort (a concurrent nomination won);
         * the nomination rolls back and is tried once more, which answers the winner.
         */
        ALREADY_ENROLLED,
        /** A nomination names nobody. */
        NO_NOMINEE,
        /** A nomination names the same official twice. */
        NOMINEE_TWICE,
        /** A substitution names the official being replaced as the substitute. */
        SUBSTITUTE_IS_LEAVER,
        /** The substitute already has an enrolment (seated, waiting or withdrawn) in the cohort. */
        SUBSTITUTE_IN_COHORT,
        /** The substitute is on record as another institution's official: a seat stays in its institution. */
        SUBSTITUTE_OF_ANOTHER_INSTITUTION
    }

    public EnrolmentRefused(Reason reason, String message, List<Fault> faults) {
        super(reason, message, faults);
    }

    public EnrolmentRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    /** A nomination whose one field is at fault. */
    public static EnrolmentRefused field(Reason reason, String field, String message) {
        return new EnrolmentRefused(reason, field + ": " + message, List.of(new Fault(field, message)));
    }

    /** No enrolment with this id in the cohort. */
    public static EnrolmentRefused unknown(EnrolmentId id) {
        return new EnrolmentRefused(Reason.ENROLMENT_UNKNOWN, "no enrolment with id " + id);
    }

    /** The store holds an enrolment of the participant in the cohort already ({@code cause}: what the store said). */
    public static EnrolmentRefused alreadyEnrolled(CohortId cohort, ParticipantId participant, Throwable cause) {
        EnrolmentRefused refused = new EnrolmentRefused(Reason.ALREADY_ENROLLED,
                "participant " + participant + " already has an enrolment in cohort " + cohort);
        refused.initCause(cause);
        return refused;
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
