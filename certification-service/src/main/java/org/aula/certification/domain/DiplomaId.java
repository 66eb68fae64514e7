package org.aula.certification.domain;

import java.util.UUID;

/** Identity of a diploma. */
public record DiplomaId(UUID value) {

    public DiplomaId {
        Guards.present(value, "diploma id");
    }

    public static DiplomaId random() {
        return new DiplomaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
