package org.aula.session.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of one completion decision; certification-service issues at most one certificate per id. */
public record CompletionId(UUID value) {

    public CompletionId {
        Objects.requireNonNull(value, "completion id");
    }

    /** A fresh id for a new decision. */
    public static CompletionId random() {
        return new CompletionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
