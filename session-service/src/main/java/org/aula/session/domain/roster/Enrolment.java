package org.aula.session.domain.roster;

import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.ParticipantId;

/** An official holding seat {@code seatNumber} of a cohort since {@code enrolledAt}. */
public record Enrolment(ParticipantId participantId, String name, String institutionCode, int seatNumber,
        Instant enrolledAt) {

    public Enrolment {
        Objects.requireNonNull(participantId, "participant id");
        Require.text(name, "participant name");
        Require.text(institutionCode, "institution code");
        Require.positive(seatNumber, "seat number");
        Objects.requireNonNull(enrolledAt, "enrolled at");
    }

    /** The same enrolment with the pseudonym for a name, for a participant erased before it arrived. */
    public Enrolment erased() {
        return new Enrolment(participantId, RosterEntry.ERASED_NAME, institutionCode, seatNumber, enrolledAt);
    }
}
