package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;

import org.aula.enrollment.domain.CatalogueCourse;
import org.aula.enrollment.domain.Courses;
import org.aula.enrollment.domain.Defined;
import org.aula.enrollment.domain.Definition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff define a course of the catalogue (code, title, hours, topics, completion rule reference), or
 * change one: {@code course.defined}, unless nothing changed. Cohorts already scheduled keep the
 * title and hours they were scheduled with.
 */
@Service
public class DefineCourse {

    private static final Logger log = LoggerFactory.getLogger(DefineCourse.class);

    private final Courses courses;
    private final EnrollmentEvents events;
    private final Clock clock;

    DefineCourse(Courses courses, EnrollmentEvents events, Clock clock) {
        this.courses = courses;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Defined<CatalogueCourse> define(CatalogueCourse course) {
        Instant now = clock.instant();
        Defined<CatalogueCourse> defined = courses.define(course, now);
        if (defined.outcome() != Definition.UNCHANGED) {
            events.courseDefined(defined.entry(), now);
        }
        log.info("Course {} ({}) {}", defined.entry().id(), defined.entry().code(), defined.outcome());
        return defined;
    }
}
