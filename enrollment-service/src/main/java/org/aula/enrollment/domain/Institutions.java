package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The institutions of the catalogue: the port the persistence adapter implements. */
public interface Institutions {

    /** Creates or renames an institution; answers what happened. */
    Definition define(Institution institution, Instant at);

    Optional<Institution> find(InstitutionCode code);

    /** The institution; refused ({@link CatalogueRefused.Reason#INSTITUTION_UNKNOWN}) when there is none. */
    default Institution get(InstitutionCode code) {
        return find(code).orElseThrow(() -> CatalogueRefused.unknown(CatalogueRefused.Reason.INSTITUTION_UNKNOWN,
                "institution", code));
    }

    /** Institutions by code. */
    Paging.Page<Institution> list(Paging paging);

    /** Every institution (there are tens, not thousands). */
    List<Institution> all();
}
