package org.aula.certification.domain;

import java.time.LocalDate;

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
        Guards.present(id, "cohort id");
        code = Guards.text(code, "cohort code");
        Guards.present(startDate, "start date");
        Guards.present(endDate, "end date");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("end date must not be before start date");
        }
    }
}
