package org.aula.enrollment.domain;

import org.jspecify.annotations.Nullable;

/** One line of a cohort's roster: an enrolment with the participant's name and position. */
public record RosterEntry(Enrolment enrolment, String participantName, @Nullable String participantPosition) {

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "RosterEntry[" + enrolment + "]";
    }
}
