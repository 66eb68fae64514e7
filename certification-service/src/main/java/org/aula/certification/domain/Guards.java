package org.aula.certification.domain;

import org.jspecify.annotations.Nullable;

/** The checks every value of this package repeats; messages name the field, never its content. */
final class Guards {

    private Guards() {
    }

    static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }

    static <T> T present(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
