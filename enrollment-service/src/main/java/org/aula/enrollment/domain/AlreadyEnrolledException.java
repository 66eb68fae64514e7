package org.aula.enrollment.domain;

/** A participant already has an enrolment in this cohort: one per participant and cohort. */
public class AlreadyEnrolledException extends RuntimeException {

    public AlreadyEnrolledException(CohortId cohort, ParticipantId participant, Throwable cause) {
        super("participant " + participant + " already has an enrolment in cohort " + cohort, cause);
    }
}
