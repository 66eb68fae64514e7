package org.aula.certification.domain;

/**
 * Serialises the decisions that award diplomas, held until the transaction ends. Without them two
 * transactions could each miss what the other is adding: a programme defined while a participant's
 * last certificate is issued, or two last certificates of one participant issued at once.
 */
public interface AwardLocks {

    /** Taken before a certificate looks for programmes: many at once, none while a programme changes. */
    void programmesForReading();

    /** Taken before a programme is (re)defined: alone. */
    void programmesForChanging();

    /** Taken before a participant's certificates are counted for a diploma. */
    void participant(ParticipantId participant);
}
