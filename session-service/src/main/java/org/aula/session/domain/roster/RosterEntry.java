package org.aula.session.domain.roster;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.aula.session.domain.ParticipantId;
import org.jspecify.annotations.Nullable;

/**
 * One participant on a cohort's roster. {@code enrolledAt} and {@code withdrawnAt} are the times of
 * the facts last applied; they let the roster recognise a re-sent, older fact and ignore it.
 */
public record RosterEntry(ParticipantId participantId, String name, String institutionCode, int seatNumber,
        EntryStatus status, Instant enrolledAt, @Nullable Instant withdrawnAt) {

    /** The name an erased participant is left with ({@code participant.erased}). */
    public static final String ERASED_NAME = "(erased)";

    public RosterEntry {
        Objects.requireNonNull(participantId, "participant id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enrolledAt, "enrolled at");
        if ((status == EntryStatus.WITHDRAWN) != (withdrawnAt != null)) {
            throw new IllegalArgumentException("a withdrawn entry, and only one, has a withdrawal time");
        }
    }

    static RosterEntry of(Enrolment enrolment) {
        return new RosterEntry(enrolment.participantId(), enrolment.name(), enrolment.institutionCode(),
                enrolment.seatNumber(), EntryStatus.ENROLLED, enrolment.enrolledAt(), null);
    }

    /** Whether the participant holds a seat (and so may be judged for completion). */
    public boolean active() {
        return status == EntryStatus.ENROLLED;
    }

    /** Whether {@code enrolment} is a newer fact than everything this entry already reflects. */
    boolean isOlderThan(Enrolment enrolment) {
        Instant latest = withdrawnAt == null ? enrolledAt : withdrawnAt;
        return enrolment.enrolledAt().isAfter(latest);
    }

    RosterEntry erased() {
        return new RosterEntry(participantId, ERASED_NAME, institutionCode, seatNumber, status, enrolledAt, withdrawnAt);
    }

    /** A name as compared with what a facilitator wrote: no accents, one space, lower case. */
    static String comparableName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    RosterEntry withdrawn(Instant at) {
        return new RosterEntry(participantId, name, institutionCode, seatNumber, EntryStatus.WITHDRAWN, enrolledAt, at);
    }
}
