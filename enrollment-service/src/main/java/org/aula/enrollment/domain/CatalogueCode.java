package org.aula.enrollment.domain;

import java.util.regex.Pattern;

/** The code of a course or programme of the catalogue, e.g. {@code BMM} or {@code DMM-GU}. */
public final class CatalogueCode {

    /**
     * Upper-case letters, digits, '_' and '-', starting with a letter (so a code is never mistaken for a number or
     * an id); the web layer validates against it.
     */
    public static final String PATTERN = "[A-Z][A-Z0-9_-]{1,39}";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    private CatalogueCode() {
    }

    static String require(String code, String what) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException(what + " must match " + PATTERN + ": " + code);
        }
        return code;
    }
}
