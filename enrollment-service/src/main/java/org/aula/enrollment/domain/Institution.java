package org.aula.enrollment.domain;

import java.util.Objects;

/** An institution of the catalogue, e.g. POLICE "Police Department" or GALEN "Galen University". */
public record Institution(InstitutionCode code, String name) {

    public static final int MAX_NAME_LENGTH = 200;

    public Institution {
        Objects.requireNonNull(code, "code");
        Text.require(name, "institution name", MAX_NAME_LENGTH);
    }
}
