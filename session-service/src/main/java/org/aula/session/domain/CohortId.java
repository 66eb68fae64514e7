package org.aula.session.domain;

import org.aula.kernel.Require;

/** Identity of a cohort (one run of a course), as enrollment-service assigned it. */
public record CohortId(String value) {

    public CohortId {
        Require.text(value, "cohort id");
    }

    @Override
    public String toString() {
        return value;
    }
}
