package org.aula.enrollment.web;

import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.events.runtime.web.ApiProblem;

/** Ids from paths: a value that is not an id names nothing, so it is answered 404 like an unknown one. */
final class Ids {

    private Ids() {
    }

    static CohortId cohort(String text) {
        try {
            return CohortId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("cohort", text);
        }
    }

    static EnrolmentId enrolment(String text) {
        try {
            return EnrolmentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("enrolment", text);
        }
    }
}
