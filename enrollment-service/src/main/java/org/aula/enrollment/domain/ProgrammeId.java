package org.aula.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a programme of the catalogue. */
public record ProgrammeId(UUID value) {

    public ProgrammeId {
        Objects.requireNonNull(value, "value");
    }

    public static ProgrammeId random() {
        return new ProgrammeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
