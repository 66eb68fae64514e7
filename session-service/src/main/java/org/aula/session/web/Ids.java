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

    /**
     * Text without control characters, for ids and names in requests: no id or name Aula issues
     * holds one, and PostgreSQL refuses a NUL in text (bean validation: {@code @Pattern(regexp = NO_CONTROL_CHARACTERS)}).
     */
    static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x1F\\x7F]*";
    private static final Pattern PRINTABLE = Pattern.compile(NO_CONTROL_CHARACTERS);

    private Ids() {
    }

    /** A blank id, or one with control characters, names no cohort: 404, like any other unknown id. */
    static CohortId cohortId(String value) {
        try {
            return new CohortId(printable(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("cohort", value);
        }
    }

    static SessionId sessionId(String value) {
        try {
            return new SessionId(printable(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("session", value);
        }
    }

    /** A participant named in a path to read something of theirs; a blank one names no one: 404. */
    static ParticipantId participantToRead(String value, String what) {
        try {
            return new ParticipantId(printable(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what, value);
        }
    }

    /** A participant named in a path to record something for; a blank one is not on any roster. */
    static ParticipantId participantId(String value) {
        if (value.isBlank() || !PRINTABLE.matcher(value).matches()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Participant not on the roster",
                    "a blank participant id, or one with control characters, names no one", List.of(
                            new ApiProblem.FieldError("participantId", "names no one on the roster")));
        }
        return new ParticipantId(value);
    }

    private static String printable(String value) {
        if (!PRINTABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("control characters");
        }
        return value;
    }

    /** Course codes are short names: letters, digits, '.', '_' and '-'. */
    static String courseCode(String value) {
        if (!COURSE_CODE.matcher(value).matches()) {
            throw ApiProblem.invalidField("courseCode", "must match " + COURSE_CODE.pattern());
        }
        return value;
    }
}
