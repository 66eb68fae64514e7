package org.aula.certification.domain;

import java.time.Instant;

/** Participants whose personal data was erased; their certificates carry a pseudonym. */
public interface ErasedParticipants {

    /** Records the erasure (once; a repeat changes nothing). */
    void record(ParticipantId participant, Instant erasedAt);

    boolean isErased(ParticipantId participant);
}
