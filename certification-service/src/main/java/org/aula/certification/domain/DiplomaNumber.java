package org.aula.certification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The number printed on a diploma: {@code AULA-DIPLOMA-<programme code>-<year awarded>-<six-digit
 * sequence>}, e.g. {@code AULA-DIPLOMA-MMG-2019-000001}. Like a certificate number it appears in
 * a URL, so the programme code is kept to letters, digits, {@code -} and {@code _}.
 */
public record DiplomaNumber(String programmeCode, int year, int sequence) {

    public static final String PREFIX = "AULA-DIPLOMA";

    private static final String CODE = "[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*";
    private static final int MAX_CODE_LENGTH = 32;
    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);
    private static final Pattern NUMBER = Pattern.compile(PREFIX + "-(" + CODE + ")-(\\d{4})-(\\d{6})");

    public DiplomaNumber {
        requireNumberable(programmeCode, year);
        if (sequence < 1 || sequence > CertificateNumber.MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence must be between 1 and " + CertificateNumber.MAX_SEQUENCE);
        }
    }

    static void requireNumberable(@Nullable String programmeCode, int year) {
        Guards.present(programmeCode, "programme code");
        if (programmeCode.length() > MAX_CODE_LENGTH || !CODE_PATTERN.matcher(programmeCode).matches()) {
            throw new IllegalArgumentException("programme code must be 1 to " + MAX_CODE_LENGTH
                    + " letters or digits, optionally joined by '-' or '_'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
    }

    /** Reads a number as printed; empty when the text is not one. */
    public static Optional<DiplomaNumber> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DiplomaNumber(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    public String value() {
        return "%s-%s-%04d-%06d".formatted(PREFIX, programmeCode, year, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
