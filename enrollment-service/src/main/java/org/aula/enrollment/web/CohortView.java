package org.aula.enrollment.web;

import java.time.LocalDate;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortStatus;

/** A cohort as the API shows it. */
record CohortView(String id, String code, String courseCode, String courseTitle, int courseHours,
        LocalDate startDate, LocalDate endDate, String location, int capacity, String facilitator,
        int seatsTaken, int waitlistLength, CohortStatus status) {

    static CohortView of(Cohort cohort) {
        return new CohortView(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.course().title(), cohort.course().hours(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.seats().capacity(), cohort.facilitator(), cohort.seats().taken(),
                cohort.waitlistLength(), cohort.status());
    }
}
