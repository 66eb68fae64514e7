package org.aula.certification.domain;

import org.aula.kernel.Require;

/** The cohort (one run of a course) a certificate was earned in. */
public record CohortId(String value) {

    public CohortId {
        value = Require.text(value, "cohort id");
    }

    @Override
    public String toString() {
        return value;
    }
}
