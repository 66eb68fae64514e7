package org.aula.session.web;

import java.util.List;
import java.util.regex.Pattern;

import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.SessionId;
import org.springframework.http.HttpStatus;

/** Path ids as domain ids. */
final class Ids {

    private static final Pattern COURSE_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    static SessionId sessionId(String value) {
        try {
            return new SessionId(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("session", value);
        }
    }

    /** A participant named in a path; a blank one is not on any roster. */
    static ParticipantId participantId(String value) {
        if (value.isBlank()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Participant not on the roster",
                    "a blank participant id names no one", List.of(
                            new ApiProblem.FieldError("participantId", "must not be blank")));
        }
        return new ParticipantId(value);
    }

    /** Course codes are short names: letters, digits, '.', '_' and '-'. */
    static String courseCode(String value) {
        if (!COURSE_CODE.matcher(value).matches()) {
            throw ApiProblem.invalidField("courseCode", "must match " + COURSE_CODE.pattern());
        }
        return value;
    }
}
