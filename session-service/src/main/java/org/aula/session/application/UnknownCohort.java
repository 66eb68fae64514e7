package org.aula.session.application;

import org.aula.session.domain.CohortId;

/** No enrolment fact about this cohort has reached the session service. */
public class UnknownCohort extends RuntimeException {

    private final CohortId cohortId;

    public UnknownCohort(CohortId cohortId) {
        super("no cohort with id " + cohortId);
        this.cohortId = cohortId;
    }

    public CohortId cohortId() {
        return cohortId;
    }
}
