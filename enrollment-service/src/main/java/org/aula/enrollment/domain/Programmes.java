package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Optional;

/** The programmes of the catalogue: the port the persistence adapter implements. */
public interface Programmes {

    /**
     * Creates the programme, or changes the one with its code (keeping that one's id); answers what happened
     * and the programme as stored.
     */
    Defined<Programme> define(Programme programme, Instant at);

    Optional<Programme> findByCode(String code);

    /** The programme; refused ({@link CatalogueRefused.Reason#PROGRAMME_UNKNOWN}) when there is none. */
    default Programme getByCode(String code) {
        return findByCode(code).orElseThrow(() -> CatalogueRefused.unknown(CatalogueRefused.Reason.PROGRAMME_UNKNOWN,
                "programme", code));
    }

    /** Programmes by code. */
    Paging.Page<Programme> list(Paging paging);
}
