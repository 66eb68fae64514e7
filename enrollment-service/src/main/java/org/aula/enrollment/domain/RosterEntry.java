package org.aula.enrollment.domain;

/** One line of a cohort's roster: an enrolment with the participant's name. */
public record RosterEntry(Enrolment enrolment, String participantName) {
}
