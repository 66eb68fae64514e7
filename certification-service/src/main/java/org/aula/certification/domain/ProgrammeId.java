package org.aula.certification.domain;

/** A programme (e.g. a university diploma) as enrollment-service identifies it. */
public record ProgrammeId(String value) {

    public ProgrammeId {
        value = Guards.text(value, "programme id");
    }

    @Override
    public String toString() {
        return value;
    }
}
