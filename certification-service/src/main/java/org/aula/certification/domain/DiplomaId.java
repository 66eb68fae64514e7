package org.aula.certification.domain;

import java.util.UUID;

import org.aula.kernel.Require;

/** Identity of a diploma. */
public record DiplomaId(UUID value) {

    public DiplomaId {
        Require.present(value, "diploma id");
    }

    public static DiplomaId random() {
        return new DiplomaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
