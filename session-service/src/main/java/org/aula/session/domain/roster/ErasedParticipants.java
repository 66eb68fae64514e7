package org.aula.session.domain.roster;

import java.time.Instant;

import org.aula.session.domain.ParticipantId;

/**
 * The participants whose personal data was erased, remembered for good: a fact naming one of them
 * may arrive after the erasure (it travels under another key) and must not bring the name back.
 */
public interface ErasedParticipants {

    /**
     * Held until the caller's transaction ends, and taken before any roster lock: an enrolment
     * and an erasure of the same participant then happen one after the other, so neither can
     * miss what the other is writing.
     */
    void lock(ParticipantId participantId);

    /** Remembers the erasure; a repeated one changes nothing. */
    void record(ParticipantId participantId, Instant erasedAt);

    boolean isErased(ParticipantId participantId);
}
