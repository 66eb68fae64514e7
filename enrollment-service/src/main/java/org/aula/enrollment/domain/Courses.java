package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Optional;

/** The courses of the catalogue: the port the persistence adapter implements. */
public interface Courses {

    /**
     * Creates the course, or changes the one with its code (keeping that one's id); answers what happened
     * and the course as stored.
     */
    Defined<CatalogueCourse> define(CatalogueCourse course, Instant at);

    Optional<CatalogueCourse> findByCode(String code);

    /** The course; refused ({@link CatalogueRefused.Reason#COURSE_UNKNOWN}) when there is none. */
    default CatalogueCourse getByCode(String code) {
        return findByCode(code).orElseThrow(() -> CatalogueRefused.unknown(CatalogueRefused.Reason.COURSE_UNKNOWN,
                "course", code));
    }

    /** Courses by code. */
    Paging.Page<CatalogueCourse> list(Paging paging);
}
