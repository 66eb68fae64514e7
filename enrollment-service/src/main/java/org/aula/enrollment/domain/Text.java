package org.aula.enrollment.domain;

/** Guards for the free-text fields of the domain. */
final class Text {

    private Text() {
    }

    static String require(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
