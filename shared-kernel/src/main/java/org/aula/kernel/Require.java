package org.aula.kernel;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The argument guards every service's domain uses, so a value is refused the same way in all three:
 * an {@link IllegalArgumentException} whose message names the field and the rule, never the value
 * (a refused value may be personal data, and messages reach logs and problem responses).
 */
public final class Require {

    private Require() {
    }

    /** A value that must be there. */
    public static <T> T present(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Text with something in it, stripped of surrounding blanks. */
    public static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    /** Text with something in it, at most {@code maxLength} characters once stripped. */
    public static String text(@Nullable String value, String field, int maxLength) {
        String text = text(value, field);
        if (text.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return text;
    }

    /** A count or size above zero. */
    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive");
        }
        return value;
    }

    /** A count that may be zero. */
    public static int notNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return value;
    }

    /** A whole number within {@code [min, max]}. */
    public static int inRange(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A decimal within {@code [min, max]}, compared by value (so 40.0 equals 40). */
    public static BigDecimal inRange(@Nullable BigDecimal value, BigDecimal min, BigDecimal max, String field) {
        present(value, field);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be between " + min.toPlainString() + " and "
                    + max.toPlainString());
        }
        return value;
    }
}
