package org.aula.certification.domain;

import org.aula.kernel.Require;

/**
 * The course a certificate attests, as it stood when completed.
 *
 * @param code  short code, part of the certificate number
 * @param title full title printed on the certificate
 * @param hours the course's scheduled hours
 */
public record Course(String code, String title, int hours) {

    public Course {
        code = Require.text(code, "course code");
        title = Require.text(title, "course title");
        if (hours <= 0) {
            throw new IllegalArgumentException("course hours must be positive");
        }
    }
}
