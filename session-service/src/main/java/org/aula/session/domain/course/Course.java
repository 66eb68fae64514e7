package org.aula.session.domain.course;

import org.aula.kernel.Require;

/** The course a cohort runs: its code, title and scheduled hours (e.g. 40 h). */
public record Course(String code, String title, int hours) {

    public Course {
        Require.text(code, "course code");
        Require.text(title, "course title");
        Require.positive(hours, "course hours");
    }
}
