package org.aula.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a cohort: one run of a course. */
public record CohortId(UUID value) {

    public CohortId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh id for a cohort being scheduled. */
    public static CohortId random() {
        return new CohortId(UUID.randomUUID());
    }

    /** Parses the textual form; throws {@link IllegalArgumentException} when it is not a UUID. */
    public static CohortId parse(String text) {
        return new CohortId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
