package org.aula.enrollment.web;

import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.jspecify.annotations.Nullable;

/** An enrolment as the API shows it; a seat number only while enrolled, a position only while waiting. */
record EnrolmentView(String enrolmentId, String cohortId, String participantId, EnrolmentStatus status,
        @Nullable Integer seatNumber, @Nullable Integer waitlistPosition) {

    static EnrolmentView of(Enrolment enrolment) {
        return new EnrolmentView(enrolment.id().toString(), enrolment.cohortId().toString(),
                enrolment.participantId().toString(), enrolment.status(), enrolment.seatNumber(),
                enrolment.waitlistPosition());
    }
}
