package org.aula.session.domain.rule;

/** A completion rule cannot be read or defined; nothing was recorded. */
public class RuleRefused extends RuntimeException {

    /** Why the rule was refused. */
    public enum Reason {
        /** A course the service has not heard of: no catalogue entry, no cohort, no rule names it. */
        COURSE_UNKNOWN
    }

    private final Reason reason;

    public RuleRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** No catalogue entry, cohort or rule names the course. */
    public static RuleRefused unknownCourse(String courseCode) {
        return new RuleRefused(Reason.COURSE_UNKNOWN, "no course with id " + courseCode);
    }

    public Reason reason() {
        return reason;
    }
}
