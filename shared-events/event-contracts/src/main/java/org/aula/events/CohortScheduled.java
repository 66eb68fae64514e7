package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * {@code org.aula.enrollment.cohort.scheduled.v1} on {@code enrollment.events}, key {@code cohortId}:
 * a cohort (one run of a course) was scheduled with its dates, place and seats.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CohortScheduled(
        String cohortId,
        String cohortCode,
        String courseCode,
        String courseTitle,
        int courseHours,
        LocalDate startDate,
        LocalDate endDate,
        String location,
        int capacity,
        String facilitator) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
