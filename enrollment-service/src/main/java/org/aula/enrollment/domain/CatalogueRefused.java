package org.aula.enrollment.domain;

import java.util.List;

import org.aula.kernel.Refusal;

/** Something of the catalogue (institutions, courses, programmes, the officials on record) is not there as asked. */
public class CatalogueRefused extends Refusal {

    /** Why the catalogue refused. */
    public enum Reason {
        /** No institution with this code. */
        INSTITUTION_UNKNOWN,
        /** No course with this code. */
        COURSE_UNKNOWN,
        /** No programme with this code. */
        PROGRAMME_UNKNOWN,
        /** No participant with this id. */
        PARTICIPANT_UNKNOWN,
        /** A definition refers to institutions or courses the catalogue does not have. */
        UNKNOWN_REFERENCES
    }

    public CatalogueRefused(Reason reason, String message, List<Fault> faults) {
        super(reason, message, faults);
    }

    /** Nothing of this kind ({@code what}: institution, course, ...) with this id or code. */
    public static CatalogueRefused unknown(Reason reason, String what, Object id) {
        return new CatalogueRefused(reason, "no " + what + " with id " + id, List.of());
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
