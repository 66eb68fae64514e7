package org.aula.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an enrolment: one participant in one cohort. */
public record EnrolmentId(UUID value) {

    public EnrolmentId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh id for a new enrolment. */
    public static EnrolmentId random() {
        return new EnrolmentId(UUID.randomUUID());
    }

    /** Parses the textual form; throws {@link IllegalArgumentException} when it is not a UUID. */
    public static EnrolmentId parse(String text) {
        return new EnrolmentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
