package org.aula.session.domain;

/** Argument guards shared by the domain's value types. */
final class Require {

    private Require() {
    }

    static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static int positive(int value, String what) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
        return value;
    }
}
