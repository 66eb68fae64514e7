package org.aula.enrollment.application;

import java.time.Clock;
import java.time.LocalDate;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Course;
import org.aula.events.runtime.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A coordinator schedules a cohort: one run of a course, with dates, place and seats. Publishes {@code cohort.scheduled}. */
@Service
public class ScheduleCohort {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCohort.class);

    private final Cohorts cohorts;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final Clock clock;

    ScheduleCohort(Cohorts cohorts, EnrollmentEvents events, EnrollmentMetrics metrics, Clock clock) {
        this.cohorts = cohorts;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a coordinator asks for; the values are checked by the {@link Cohort} they become. */
    public record Command(CohortCode code, Course course, LocalDate startDate, LocalDate endDate, String location,
            int capacity, String facilitator) {
    }

    /** Schedules the cohort; answers 409 when its code is taken. */
    @Transactional
    public Cohort schedule(Command command) {
        Cohort cohort = Cohort.schedule(CohortId.random(), command.code(), command.course(), command.startDate(),
                command.endDate(), command.location(), command.capacity(), command.facilitator());
        if (!cohorts.add(cohort, clock.instant())) {
            throw ApiProblem.conflict("Cohort code taken", "a cohort with code " + command.code() + " is already scheduled");
        }
        events.scheduled(cohort);
        metrics.scheduled(cohort);
        log.info("Cohort {} ({}) scheduled with {} seats", cohort.id(), cohort.code(), cohort.seats().capacity());
        return cohort;
    }
}
