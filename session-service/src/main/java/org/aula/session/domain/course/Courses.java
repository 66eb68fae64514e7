package org.aula.session.domain.course;

import java.util.Optional;

/** The catalogue courses the session service has heard of. */
public interface Courses {

    Optional<CourseDefinition> find(String courseCode);

    /**
     * Whether the service has heard of the course: announced by the catalogue ({@code course.defined}),
     * named by a cohort, or given a completion rule before.
     */
    boolean known(String courseCode);

    /** Stores the definition unless a newer one ({@code definedAt}) is stored; answers whether it was stored. */
    boolean define(CourseDefinition definition);
}
