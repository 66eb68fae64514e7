package org.aula.enrollment.domain;

import java.util.regex.Pattern;

/** The code people use for a cohort, e.g. {@code BMM-2019-05}: unique, upper-case letters, digits and dashes. */
public record CohortCode(String value) {

    /** What a cohort code looks like; the web layer validates against the same pattern. */
    public static final String PATTERN = "[A-Z0-9-]{2,40}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public CohortCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("cohort code must match " + PATTERN + ": " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
