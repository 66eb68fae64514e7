package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Course;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.SeatQuotas;
import org.aula.enrollment.domain.Transition;
import org.aula.kernel.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coordinator schedules a cohort: one run of a course, with dates, place, seats and optional seat quotas.
 * Publishes {@code cohort.scheduled}; a cohort scheduled open (the default) also publishes its PLANNED -> OPEN
 * {@code cohort.status-changed}, so a consumer can follow every cohort's status from its events alone.
 *
 * <p>The course comes from the catalogue when it has the course code: title and hours may then be left
 * out, and if given they must agree with it. A course the catalogue does not have is recorded as given
 * (title and hours then required), as the first slice did.
 */
@Service
public class ScheduleCohort {

    private static final Logger log = LoggerFactory.getLogger(ScheduleCohort.class);

    private final Cohorts cohorts;
    private final Courses courses;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final IdempotentRequests requests;
    private final Clock clock;

    ScheduleCohort(Cohorts cohorts, Courses courses, EnrollmentEvents events, EnrollmentMetrics metrics,
            IdempotentRequests requests, Clock clock) {
        this.cohorts = cohorts;
        this.requests = requests;
        this.courses = courses;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a coordinator asks for; the values are checked by the {@link Cohort} they become. */
    public record Command(CohortCode code, String courseCode, @Nullable String courseTitle, @Nullable Integer courseHours,
            LocalDate startDate, LocalDate endDate, String location, int capacity, String facilitator, boolean open,
            SeatQuotas quotas) {
    }

    /**
     * Schedules the cohort; refused ({@link CohortRefused}) when its code is taken, when the course is unknown or
     * contradicts the catalogue, or when a quota exceeds the seats.
     */
    @Transactional
    public Cohort schedule(Command command) {
        return schedule(command, null);
    }

    /**
     * Schedules the cohort as a run of an {@code Idempotency-Key} request: the cohort is recorded as the run's
     * creation, and when an earlier run of the same request created the cohort with this code (it committed, then
     * crashed before its answer was stored), that cohort is the answer instead of "code taken".
     */
    @Transactional
    public Cohort schedule(Command command, IdempotentRequests.@Nullable Reserved run) {
        Course course = course(command);
        Cohort planned = Cohort.schedule(CohortId.random(), command.code(), course, command.startDate(),
                command.endDate(), command.location(), command.capacity(), command.facilitator(), command.quotas());
        Instant now = clock.instant();
        Optional<Transition> opened = command.open() ? Optional.of(planned.open()) : Optional.empty();
        Cohort cohort = opened.map(Transition::cohort).orElse(planned);
        if (!cohorts.add(cohort, now)) {
            Optional<Cohort> earlier = createdByAnEarlierRun(run, command.code());
            if (earlier.isPresent()) {
                // Its events went out with the first run's commit (outbox): nothing to publish again.
                log.info("Cohort {} ({}) answered to a retry of the request that scheduled it", earlier.get().id(), command.code());
                return earlier.get();
            }
            throw new CohortRefused(CohortRefused.Reason.CODE_TAKEN, "a cohort with code " + command.code() + " is already scheduled");
        }
        requests.created(run, cohort.id().toString());
        events.scheduled(cohort);
        opened.ifPresent(transition -> events.statusChanged(new Transition(cohort, transition.from(), transition.to(),
                "opened for nominations when scheduled"), now));
        metrics.scheduled(cohort);
        log.info("Cohort {} ({}) scheduled {} with {} seats", cohort.id(), cohort.code(), cohort.status(),
                cohort.seats().capacity());
        return cohort;
    }

    private Optional<Cohort> createdByAnEarlierRun(IdempotentRequests.@Nullable Reserved run, CohortCode code) {
        if (run == null || run.created() == null) {
            return Optional.empty();
        }
        return cohorts.find(CohortId.parse(run.created())).filter(cohort -> cohort.code().equals(code));
    }

    private Course course(Command command) {
        Optional<CatalogueCourse> listed = courses.findByCode(command.courseCode());
        if (listed.isPresent()) {
            Course catalogue = listed.get().course();
            List<Refusal.Fault> faults = new ArrayList<>();
            if (command.courseTitle() != null && !command.courseTitle().equals(catalogue.title())) {
                faults.add(new Refusal.Fault("courseTitle", "differs from the catalogue's \"" + catalogue.title() + "\""));
            }
            if (command.courseHours() != null && command.courseHours() != catalogue.hours()) {
                faults.add(new Refusal.Fault("courseHours", "differs from the catalogue's " + catalogue.hours()));
            }
            if (!faults.isEmpty()) {
                throw new CohortRefused(CohortRefused.Reason.COURSE_CONTRADICTS_CATALOGUE,
                        "course " + catalogue.code() + " is in the catalogue; leave title and hours out or give its own", faults);
            }
            return catalogue;
        }
        List<Refusal.Fault> missing = new ArrayList<>();
        if (command.courseTitle() == null) {
            missing.add(new Refusal.Fault("courseTitle", "required: course " + command.courseCode() + " is not in the catalogue"));
        }
        if (command.courseHours() == null) {
            missing.add(new Refusal.Fault("courseHours", "required: course " + command.courseCode() + " is not in the catalogue"));
        }
        if (!missing.isEmpty()) {
            throw new CohortRefused(CohortRefused.Reason.COURSE_NOT_IN_CATALOGUE,
                    "course " + command.courseCode() + " is not in the catalogue: define it, or give its title and hours", missing);
        }
        return new Course(command.courseCode(), command.courseTitle(), command.courseHours());
    }
}
