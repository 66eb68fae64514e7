package org.aula.certification.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * The number printed on a certificate or a diploma and typed in by whoever verifies it:
 * {@code <prefix>-<code>-<year>-<six-digit sequence>}. A certificate's is
 * {@code AULA-<course code>-<year the cohort ended>-<sequence>}, e.g. {@code AULA-BMM-2019-000001};
 * a diploma's {@code AULA-DIPLOMA-<programme code>-<year awarded>-<sequence>}, e.g.
 * {@code AULA-DIPLOMA-MMG-2019-000001}. It appears in the verification URL, so the code is kept to
 * letters, digits, {@code -} and {@code _}.
 *
 * @param kind     what the number is printed on (it gives the prefix)
 * @param code     the course or programme the award is for
 * @param year     the year the cohort ended (certificate) or the diploma was awarded
 * @param sequence 1 to {@value #MAX_SEQUENCE}, unique across all awards of the kind
 */
public record AwardNumber(Kind kind, String code, int year, int sequence) {

    public static final int MAX_SEQUENCE = 999_999;

    private static final String CODE = "[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*";
    private static final int MAX_CODE_LENGTH = 32;
    private static final Pattern CODE_PATTERN = Pattern.compile(CODE);

    /** What carries the number, and what its code names. */
    public enum Kind {
        CERTIFICATE("AULA", "course code"),
        DIPLOMA("AULA-DIPLOMA", "programme code");

        private final String prefix;
        private final String codeName;
        private final Pattern printed;

        Kind(String prefix, String codeName) {
            this.prefix = prefix;
            this.codeName = codeName;
            this.printed = Pattern.compile(prefix + "-(" + CODE + ")-(\\d{4})-(\\d{6})");
        }

        public String prefix() {
            return prefix;
        }
    }

    public AwardNumber {
        Require.present(kind, "number kind");
        requireNumberable(kind, code, year);
        Require.inRange(sequence, 1, MAX_SEQUENCE, "sequence");
    }

    /** A certificate's number, for a course and the year its cohort ended. */
    public static AwardNumber certificate(String courseCode, int year, int sequence) {
        return new AwardNumber(Kind.CERTIFICATE, courseCode, year, sequence);
    }

    /** A diploma's number, for a programme and the year it was awarded. */
    public static AwardNumber diploma(String programmeCode, int year, int sequence) {
        return new AwardNumber(Kind.DIPLOMA, programmeCode, year, sequence);
    }

    /** Checks that a code and year can be part of a number, before a sequence value is spent on them. */
    static void requireNumberable(Kind kind, @Nullable String code, int year) {
        Require.present(code, kind.codeName);
        if (code.length() > MAX_CODE_LENGTH || !CODE_PATTERN.matcher(code).matches()) {
            throw new IllegalArgumentException(kind.codeName + " must be 1 to " + MAX_CODE_LENGTH
                    + " letters or digits, optionally joined by '-' or '_'");
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits");
        }
    }

    /** Reads a certificate number as printed; empty when the text is not one (a typo, a forgery, another issuer's). */
    public static Optional<AwardNumber> parseCertificate(@Nullable String text) {
        return parse(Kind.CERTIFICATE, text);
    }

    /** Reads a diploma number as printed; empty when the text is not one. */
    public static Optional<AwardNumber> parseDiploma(@Nullable String text) {
        return parse(Kind.DIPLOMA, text);
    }

    private static Optional<AwardNumber> parse(Kind kind, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = kind.printed.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AwardNumber(kind, matcher.group(1), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        } catch (IllegalArgumentException outOfRange) {
            // The right shape with an impossible part (sequence 000000, year 0999, an overlong code).
            return Optional.empty();
        }
    }

    /** The printed form. */
    public String value() {
        return "%s-%s-%04d-%06d".formatted(kind.prefix, code, year, sequence);
    }

    @Override
    public String toString() {
        return value();
    }
}
