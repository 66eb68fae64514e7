package org.aula.session.domain.roster;

import java.time.LocalDate;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.course.Course;

/** When, where and for how many a cohort runs its course, as announced by {@code cohort.scheduled}. */
public record CohortSchedule(Course course, LocalDate startDate, LocalDate endDate, String location, int capacity) {

    public CohortSchedule {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(startDate, "start date");
        Objects.requireNonNull(endDate, "end date");
        Require.text(location, "location");
        Require.positive(capacity, "capacity");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a cohort cannot end (" + endDate + ") before it starts (" + startDate + ")");
        }
    }
}
