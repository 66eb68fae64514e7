package org.aula.enrollment.domain;

import java.util.Objects;

import org.aula.kernel.Require;

/** An institution of the catalogue, e.g. POLICE "Police Department" or GALEN "Galen University". */
public record Institution(InstitutionCode code, String name) {

    public static final int MAX_NAME_LENGTH = 200;

    public Institution {
        Objects.requireNonNull(code, "code");
        Require.text(name, "institution name", MAX_NAME_LENGTH);
    }
}
