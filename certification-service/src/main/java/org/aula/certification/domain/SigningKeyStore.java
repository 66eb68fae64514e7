package org.aula.certification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The issuer's own signing keys, kept when no keys are configured (the local platform), so that
 * credentials signed before a restart still verify. At most one is active.
 */
public interface SigningKeyStore {

    /** All stored keys, the active one first, then retired ones newest first. */
    List<StoredKey> all();

    Optional<StoredKey> active();

    /** Stores a new active key unless another is active already (a concurrent start-up). */
    boolean addActive(StoredKey key);

    /** Retires the active key (it keeps verifying); returns whether one was active. */
    boolean retireActive(Instant at);

    /**
     * A key as stored: its id and its JWK (with the private part).
     *
     * @param retiredAt null while it is the active key
     */
    record StoredKey(String kid, String jwk, Instant createdAt, @Nullable Instant retiredAt) {

        /** Keeps the key material out of logs and exception messages. */
        @Override
        public String toString() {
            return "StoredKey[" + kid + (retiredAt == null ? ", active]" : ", retired " + retiredAt + "]");
        }
    }
}
