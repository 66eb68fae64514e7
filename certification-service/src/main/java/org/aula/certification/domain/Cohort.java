package org.aula.certification.domain;

import java.time.LocalDate;

import org.aula.kernel.Require;

/**
 * The run of the course a certificate was earned in.
 *
 * @param id        the cohort's id
 * @param code      human-readable code, e.g. {@code BMM-2019-05}
 * @param startDate first day of the course
 * @param endDate   last day; its year goes into the certificate number
 */
public record Cohort(CohortId id, String code, LocalDate startDate, LocalDate endDate) {

    public Cohort {
        Require.present(id, "cohort id");
        code = Require.text(code, "cohort code");
        Require.present(startDate, "start date");
        Require.present(endDate, "end date");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end date must not be before start date");
        }
    }
}
