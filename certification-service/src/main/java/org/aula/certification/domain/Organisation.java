package org.aula.certification.domain;

import org.aula.kernel.Require;

/**
 * An organisation known by name: one that awards certificates and diplomas (IOM, Galen University)
 * or one that nominates officials (the Police Department). Printed documents and the verification
 * page name it, never show its code.
 *
 * @param code    its code, as the events carry it (e.g. {@code POLICE}, {@code GALEN})
 * @param name    its name as printed, e.g. "Police Department"
 * @param hasLogo whether a logo was given for it
 */
public record Organisation(String code, String name, boolean hasLogo) {

    /**
     * What staff may name: an upper-case letter, then upper-case letters, digits, '-' and '_', 2 to
     * 40 characters in all (institution codes such as {@code POLICE} or {@code BZ-POLICE} fit).
     */
    public static final String CODE = "[A-Z][A-Z0-9_-]{1,39}";
    public static final int MAX_NAME_LENGTH = 200;

    public Organisation {
        // Codes from events are taken as they come; the API allows only CODE for new ones.
        code = Require.text(code, "organisation code");
        name = Require.text(name, "organisation name", MAX_NAME_LENGTH);
    }

    /** An organisation nobody named yet: shown by its code, the only thing known of it. */
    public static Organisation unnamed(String code) {
        return new Organisation(code, code, false);
    }
}
