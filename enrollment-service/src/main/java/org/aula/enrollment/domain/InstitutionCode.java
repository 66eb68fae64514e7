package org.aula.enrollment.domain;

import java.util.regex.Pattern;

/** The institution that nominates an official, e.g. {@code POLICE} or {@code MIN_FOREIGN_AFFAIRS}. */
public record InstitutionCode(String value) {

    /** What an institution code looks like; the web layer validates against the same pattern. */
    public static final String PATTERN = "[A-Z0-9_-]{2,30}";
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
