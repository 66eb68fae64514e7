package org.aula.enrollment.domain;

import org.aula.kernel.Require;

/**
 * The course a cohort runs, as the cohort records it: code, title and its hours (the figure a
 * completion rule and a certificate refer to). The course catalogue will own these later.
 */
public record Course(String code, String title, int hours) {

    public static final int MIN_HOURS = 1;
    public static final int MAX_HOURS = 1000;

    public Course {
        Require.text(code, "course code", 40);
        Require.text(title, "course title", 200);
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw new IllegalArgumentException("course hours must be " + MIN_HOURS + ".." + MAX_HOURS + ": " + hours);
        }
    }
}
