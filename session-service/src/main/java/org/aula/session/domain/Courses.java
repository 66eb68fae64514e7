package org.aula.session.domain;

import java.util.Optional;

/** The catalogue courses the session service has heard of. */
public interface Courses {

    Optional<CourseDefinition> find(String courseCode);

    /** Stores the definition unless a newer one ({@code definedAt}) is stored; answers whether it was stored. */
    boolean define(CourseDefinition definition);
}
