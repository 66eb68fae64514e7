package org.aula.session.application;

import org.aula.session.domain.course.CourseDefinition;
import org.aula.session.domain.course.Courses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the catalogue courses announced by enrollment-service, to plan their cohorts' delivery by. */
@Service
public class KeepCatalogue {

    private static final Logger log = LoggerFactory.getLogger(KeepCatalogue.class);

    private final Courses courses;

    KeepCatalogue(Courses courses) {
        this.courses = courses;
    }

    /** {@code course.defined}: the newest definition of a course wins; an older one re-sent changes nothing. */
    @Transactional
    public void define(CourseDefinition definition) {
        if (courses.define(definition)) {
            log.info("course {} defined: {} h, {} topics", definition.courseCode(), definition.hours(),
                    definition.topics().size());
        }
    }
}
