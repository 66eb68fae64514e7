package org.aula.certification.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every certificate issued; at most one standing (unrevoked) per completion and per participant in
 * a cohort. Revoked ones stay, so a revision back to COMPLETED adds a new one beside them.
 */
public interface Certificates {

    /** Draws the next value of the certificate number sequence (1 to {@link AwardNumber#MAX_SEQUENCE}). */
    int nextSequence();

    /** Draws the next status list entry (see {@link StatusList#entryOf(long)}). */
    StatusListEntry nextStatusListEntry();

    /**
     * Keeps a newly issued certificate, unless one already exists for its completion or for its
     * holder in its cohort.
     *
     * @return false when an existing certificate took precedence (nothing was stored)
     */
    boolean add(Certificate certificate);

    /** The certificate already issued for this completion, or for its holder in its cohort (standing first, then the latest). */
    Optional<Certificate> issuedFor(Completion completion);

    /** The participant's unrevoked certificate in the cohort, if any (there is at most one). */
    Optional<Certificate> standingFor(ParticipantId participant, CohortId cohort);

    Optional<Certificate> withNumber(AwardNumber number);

    Optional<Certificate> withId(CertificateId id);

    /** Matching certificates, oldest first. */
    List<Certificate> matching(CertificateQuery query);

    /**
     * Records the revocation of a certificate that was standing, and locks its row until commit.
     *
     * @return false when it had been revoked meanwhile (nothing changed)
     */
    boolean recordRevocation(Certificate revoked);

    /** Replaces the holder's name on all their certificates by the pseudonym; returns how many changed. */
    int pseudonymiseHolder(ParticipantId participant, String pseudonym, Instant erasedAt);

    /** A participant's certificates that are not revoked, oldest first. */
    List<Certificate> unrevokedOf(ParticipantId participant);

    /** Participants holding unrevoked certificates for every one of these course codes. */
    List<ParticipantId> holdersOfAll(Collection<String> courseCodes);

    /** The indexes of revoked entries in one status list. */
    List<Integer> revokedIndexesIn(int statusListId);

    /** The highest status list id any certificate was given (1 when none was issued yet). */
    int highestStatusList();

    /** Whether the entry belongs to a revoked certificate (false for an unused entry). */
    boolean isRevoked(StatusListEntry entry);
}
