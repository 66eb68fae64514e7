package org.aula.session.domain.delivery;

import org.aula.kernel.Refusal;
import org.aula.session.domain.CohortId;

/** A change to a cohort's delivery (plan, sessions, attendance, results, closing) is refused; nothing was changed. */
public class DeliveryRefused extends Refusal {

    /** Why the change was refused. */
    public enum Reason {
        /** No enrolment fact about the cohort has reached the session service. */
        COHORT_UNKNOWN,
        /** The cohort has no delivery plan yet (its roster is not locked, or its schedule not received). */
        NO_PLAN,
        /** The cohort's schedule (course hours and dates) has not been received yet. */
        SCHEDULE_UNKNOWN,
        /** No session with this id in the cohort's plan. */
        SESSION_UNKNOWN,
        /** Attendance is only taken for a session that was delivered. */
        SESSION_NOT_DELIVERED,
        /** The plan changes only before the first session is delivered. */
        DELIVERY_STARTED,
        /** The plan changes only before anyone is decided. */
        ALREADY_DECIDED,
        /** The cohort's delivery was closed. */
        DELIVERY_CLOSED,
        /** Completions of this cohort were decided from stated hours; its sessions are not recorded. */
        DECIDED_FROM_STATED_HOURS,
        /** A plan keeps at least one session. */
        LAST_SESSION,
        /** A session falls on a day outside the cohort's dates. */
        DATE_OUTSIDE_COHORT,
        /** More hours attended than the session lasts. */
        HOURS_ABOVE_SESSION,
        /** The participant has no entry on the cohort's roster. */
        NOT_ON_ROSTER,
        /** The participant withdrew from the cohort. */
        WITHDRAWN,
        /** The cohort's completion rule requires no assessment with this code. */
        ASSESSMENT_UNKNOWN
    }

    public DeliveryRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** No fact about the cohort has arrived: the service does not know it. */
    public static DeliveryRefused unknownCohort(CohortId cohortId) {
        return new DeliveryRefused(Reason.COHORT_UNKNOWN, "no cohort with id " + cohortId);
    }

    /** The cohort's roster has not locked yet, so it has no plan. */
    public static DeliveryRefused noPlan(CohortId cohortId) {
        return new DeliveryRefused(Reason.NO_PLAN, "cohort " + cohortId
                + " has no delivery plan yet: it is published when the roster locks (the cohort fills, or staff lock it)");
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
