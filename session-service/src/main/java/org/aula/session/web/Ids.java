package org.aula.session.web;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.CohortId;

/** Path ids as domain ids. */
final class Ids {

    private Ids() {
    }

    /** A blank id names no cohort: 404, like any other unknown id. */
    static CohortId cohortId(String value) {
        try {
            return new CohortId(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("cohort", value);
        }
    }
}
