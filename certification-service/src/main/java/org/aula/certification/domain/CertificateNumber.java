package org.aula.certification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The number printed on a certificate and typed in by whoever verifies it:
 * {@code AULA-<course code>-<year the cohort ended>-<six-digit sequence>}, e.g.
 * {@code AULA-BMM-2019-000001}. It appears in the verification URL, so the course code is kept
 * to letters, digits, {@code -} and {@code _}.
 *
 * @param courseCode the course the certificate is for
 * @param year       the year the cohort ended
 * @param sequence   1 to 999,999, unique across all certificates
 */
public record CertificateNumber(String courseCode, int year, int sequence) {

    public static final String PREFIX = "AULA";
    public static final int MAX_SEQUENCE = 999_999;

    private static final String COURSE_CODE = "[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*";
    private static final int MAX_COURSE_CODE_LENGTH = 32;
    private static final Pattern COURSE_CODE_PATTERN = Pattern.compile(COURSE_CODE);
    private static final Pattern NUMBER = Pattern.compile(PREFIX + "-(" + COURSE_CODE + ")-(\\d{4})-(\\d{6})");

    public CertificateNumber {
        requireNumberable(courseCode, year);
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be between 1 and " + MAX_SEQUENCE);
        }
    }

    /** Checks that a course and year can be part of a number, before a sequence value is spent on them. */
    static void requireNumberable(@Nullable String courseCode, int year) {
        Guards.present(courseCode, "course code");
        if (courseCode.length() > MAX_COURSE_CODE_LENGTH || !COURSE_CODE_PATTERN.matcher(courseCode).matches()) {
            throw new IllegalArgumentException("course code must be 1 to " + MAX_COURSE_CODE_LENGTH
                    + " letters or digits, optionally joined by '-' or '_'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
    }

    /** Reads a number as printed; empty when the text is not one (a typo, a forgery, another issuer's). */
    public static Optional<CertificateNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CertificateNumber(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (IllegalArgumentException outOfRange) {
            // The right shape with an impossible part (sequence 000000, year 0999, an overlong course code).
            return Optional.empty();
        }
    }

    /** The printed form. */
    public String value() {
        return "%s-%s-%04d-%06d".formatted(PREFIX, courseCode, year, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
