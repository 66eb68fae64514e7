package org.aula.session.domain.rule;

import org.aula.kernel.Refusal;

/** A completion rule cannot be read or defined; nothing was recorded. */
public class RuleRefused extends Refusal {

    /** Why the rule was refused. */
    public enum Reason {
        /** A course the service has not heard of: no catalogue entry, no cohort, no rule names it. */
        COURSE_UNKNOWN
    }

    public RuleRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** No catalogue entry, cohort or rule names the course. */
    public static RuleRefused unknownCourse(String courseCode) {
        return new RuleRefused(Reason.COURSE_UNKNOWN, "no course with id " + courseCode);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
