package org.aula.certification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every diploma awarded; one per programme and participant. */
public interface Diplomas {

    /** Draws the next value of the diploma number sequence. */
    int nextSequence();

    /** Keeps a new diploma; false when the participant already holds this programme's diploma, unrevoked. */
    boolean add(Diploma diploma);

    /** Whether the participant holds this programme's diploma, unrevoked. */
    boolean exists(ProgrammeId programme, ParticipantId participant);

    /**
     * Records the revocation of a diploma that was standing.
     *
     * @return false when it had been revoked meanwhile (nothing changed)
     */
    boolean recordRevocation(Diploma revoked);

    /** A participant's diplomas, oldest first. */
    List<Diploma> heldBy(ParticipantId participant);

    Optional<Diploma> withNumber(AwardNumber number);

    Optional<Diploma> withId(DiplomaId id);

    /** Replaces the holder's name on all their diplomas by the pseudonym; returns how many changed. */
    int pseudonymiseHolder(ParticipantId participant, String pseudonym, Instant erasedAt);
}
