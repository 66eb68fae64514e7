package org.aula.certification.domain;

/** The cohort (one run of a course) a certificate was earned in. */
public record CohortId(String value) {

    public CohortId {
        value = Guards.text(value, "cohort id");
    }

    @Override
    public String toString() {
        return value;
    }
}
