package org.aula.enrollment.web;

import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.RosterEntry;
import org.jspecify.annotations.Nullable;

/** One line of a cohort's roster or waitlist. */
record RosterLineView(String enrolmentId, String participantId, String name, @Nullable String position,
        String institutionCode, EnrolmentStatus status, @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {

    static RosterLineView of(RosterEntry entry) {
        var enrolment = entry.enrolment();
        return new RosterLineView(enrolment.id().toString(), enrolment.participantId().toString(),
                entry.participantName(), entry.participantPosition(), enrolment.institution().value(), enrolment.status(),
                enrolment.seatNumber(), enrolment.waitlistPosition());
    }

    @Override
    public String toString() {
        // Personal data stays out of logs and exception messages.
        return "RosterLineView[" + enrolmentId + "]";
    }
}
