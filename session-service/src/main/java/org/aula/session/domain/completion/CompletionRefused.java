package org.aula.session.domain.completion;

import org.aula.kernel.Refusal;
import org.aula.session.domain.CohortId;

/** A completion decision from stated hours is refused; nothing was decided. */
public class CompletionRefused extends Refusal {

    /** Why the decision was refused. */
    public enum Reason {
        /** No enrolment fact about the cohort has reached the session service. */
        COHORT_UNKNOWN,
        /** The participant has no entry on the cohort's roster. */
        NOT_ON_ROSTER,
        /** The participant withdrew from the cohort. */
        WITHDRAWN,
        /** The cohort's schedule (and so its course hours) has not been received yet. */
        SCHEDULE_UNKNOWN,
        /** Hours attended are negative or more than the course schedules. */
        HOURS_OUT_OF_RANGE,
        /** The course's rule requires assessments: stated hours cannot decide it. */
        ASSESSMENTS_REQUIRED,
        /** The cohort's delivery is recorded session by session: its closing decides. */
        DELIVERY_RECORDED,
        /** The cohort's delivery was closed; whoever was not decided then is not decided now. */
        DELIVERY_CLOSED
    }

    public CompletionRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** No fact about the cohort has arrived: the service does not know it. */
    public static CompletionRefused unknownCohort(CohortId cohortId) {
        return new CompletionRefused(Reason.COHORT_UNKNOWN, "no cohort with id " + cohortId);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
