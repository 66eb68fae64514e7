package org.aula.enrollment.domain;

import java.util.regex.Pattern;

/**
 * The code of an institution, e.g. {@code POLICE} or {@code MFA}: upper-case letters, digits, '_' and '-',
 * starting with a letter (so a code is never mistaken for a number or an id). It names the institution's
 * partner feed, {@code partner.<code>.enrollment}, so it must be a valid part of a Kafka topic name and carry no '.'.
 */
public record InstitutionCode(String value) {

    /** What an institution code looks like; the web layer validates against the same pattern. */
    public static final String PATTERN = "[A-Z][A-Z0-9_-]{1,29}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public InstitutionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("institution code must match " + PATTERN + ": " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
