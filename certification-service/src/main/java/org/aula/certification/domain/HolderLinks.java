package org.aula.certification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The holder's copy links, found by the hash of their token; revoked ones stay (they never open again). */
public interface HolderLinks {

    void add(HolderLink link);

    /** The link whose token hashes to {@code tokenHash}, revoked or not. */
    Optional<HolderLink> withTokenHash(byte[] tokenHash);

    Optional<HolderLink> withId(UUID id);

    /** The certificate's links not yet revoked (expired ones included), oldest first. */
    List<HolderLink> unrevokedOf(CertificateId certificate);

    /**
     * Revokes a link that was not revoked.
     *
     * @return false when it had been revoked before (nothing changed)
     */
    boolean revoke(UUID link, Instant at, String by, String reason);
}
