package org.aula.enrollment.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortStatus;

/** A cohort as the API shows it; {@code seatQuotas} maps institution codes to places (absent institutions: no limit). */
record CohortView(String id, String code, String courseCode, String courseTitle, int courseHours,
        LocalDate startDate, LocalDate endDate, String location, int capacity, String facilitator,
        int seatsTaken, int waitlistLength, CohortStatus status, Map<String, Integer> seatQuotas) {

    static CohortView of(Cohort cohort) {
        Map<String, Integer> quotas = new TreeMap<>();
        cohort.quotas().places().forEach((institution, places) -> quotas.put(institution.value(), places));
        return new CohortView(cohort.id().toString(), cohort.code().value(), cohort.course().code(),
                cohort.course().title(), cohort.course().hours(), cohort.startDate(), cohort.endDate(),
                cohort.location(), cohort.seats().capacity(), cohort.facilitator(), cohort.seats().taken(),
                cohort.waitlistLength(), cohort.status(), quotas);
    }
}
