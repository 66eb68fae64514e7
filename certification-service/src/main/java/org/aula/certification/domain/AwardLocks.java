package org.aula.certification.domain;

/**
 * Serialises the decisions that award diplomas, held until the transaction ends. Without them two
 * transactions could each miss what the other is adding: a programme defined while a participant's
 * last certificate is issued, two last certificates of one participant issued at once, or a
 * certificate revoked while the diploma it completes is awarded. A transaction that takes both
 * takes the programmes lock first.
 */
public interface AwardLocks {

    /** Taken before a certificate looks for programmes: many at once, none while a programme changes. */
    void programmesForReading();

    /** Taken before a programme is (re)defined: alone. */
    void programmesForChanging();

    /**
     * Taken before a participant's certificates are counted for a diploma, one is revoked, or their
     * name is erased: it also orders the participant's events in the outbox as their commits.
     */
    void participant(ParticipantId participant);
}
