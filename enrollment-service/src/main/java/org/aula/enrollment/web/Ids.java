package org.aula.enrollment.web;

import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.EnrolmentId;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.SeatOfferId;
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

    static ParticipantId participant(String text) {
        try {
            return ParticipantId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("participant", text);
        }
    }

    static SeatOfferId offer(String text) {
        try {
            return SeatOfferId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("offer", text);
        }
    }

    static InstitutionCode institution(String text) {
        try {
            return new InstitutionCode(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("institution", text);
        }
    }

    /** An optional cohort id from a query parameter: 400 when it is not an id. */
    static CohortId cohortParameter(String name, String text) {
        try {
            return CohortId.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "not a cohort id");
        }
    }
}
