package org.aula.enrollment.domain;

import org.jspecify.annotations.Nullable;

/** One of an institution's nominees in one cohort: the enrolment, the cohort's code, the participant's name and position. */
public record NomineeEntry(Enrolment enrolment, CohortCode cohortCode, String participantName,
        @Nullable String participantPosition) {

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "NomineeEntry[" + enrolment + "]";
    }
}
