package org.aula.session.domain;

/** The roster refuses to decide a participant's completion; nothing was decided. */
public class CompletionRefused extends RuntimeException {

    /** Why the decision was refused. */
    public enum Reason {
        /** The participant has no entry on the cohort's roster. */
        NOT_ON_ROSTER,
        /** The participant withdrew from the cohort. */
        WITHDRAWN,
        /** The cohort's schedule (and so its course hours) has not been received yet. */
        SCHEDULE_UNKNOWN,
        /** Hours attended are negative or more than the course schedules. */
        HOURS_OUT_OF_RANGE
    }

    private final Reason reason;

    public CompletionRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
