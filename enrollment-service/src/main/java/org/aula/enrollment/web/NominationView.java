package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.application.EnrolParticipant;

/**
 * The answer to a batch nomination: one line per official, in the order given; {@code created} is false
 * for an official who was already in the cohort (their existing enrolment is shown).
 */
record NominationView(String cohortId, String institutionCode, int created, List<Line> enrolments) {

    record Line(String enrolmentId, String participantId, String status, Integer seatNumber, Integer waitlistPosition,
            boolean created) {
    }

    static NominationView of(String cohortId, String institutionCode, List<EnrolParticipant.Result> results) {
        return new NominationView(cohortId, institutionCode, (int) results.stream().filter(EnrolParticipant.Result::created).count(),
                results.stream().map(result -> new Line(result.enrolment().id().toString(),
                        result.enrolment().participantId().toString(), result.enrolment().status().name(),
                        result.enrolment().seatNumber(), result.enrolment().waitlistPosition(), result.created())).toList());
    }
}
