package org.aula.certification.domain;

import org.aula.kernel.Require;

/** A programme (e.g. a university diploma) as enrollment-service identifies it. */
public record ProgrammeId(String value) {

    public ProgrammeId {
        value = Require.text(value, "programme id");
    }

    @Override
    public String toString() {
        return value;
    }
}
