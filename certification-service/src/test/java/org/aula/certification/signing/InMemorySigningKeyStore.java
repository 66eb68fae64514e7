package org.aula.certification.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.aula.certification.domain.SigningKeyStore;

/** The database's signing key table, in memory: one active key at most. */
final class InMemorySigningKeyStore implements SigningKeyStore {

    private final List<StoredKey> keys = new ArrayList<>();

    @Override
    public synchronized List<StoredKey> all() {
        return keys.stream()
                .sorted(Comparator.comparing((StoredKey key) -> key.retiredAt() != null)
                        .thenComparing(StoredKey::createdAt, Comparator.reverseOrder()))
                .toList();
    }

    @Override
    public synchronized Optional<StoredKey> active() {
        return keys.stream().filter(key -> key.retiredAt() == null).findFirst();
    }

    @Override
    public synchronized boolean addActive(StoredKey key) {
        if (active().isPresent()) {
            return false;
        }
        keys.add(key);
        return true;
    }

    @Override
    public synchronized boolean retireActive(Instant at) {
        Optional<StoredKey> active = active();
        active.ifPresent(key -> {
            keys.remove(key);
            keys.add(new StoredKey(key.kid(), key.jwk(), key.createdAt(), at));
        });
        return active.isPresent();
    }
}
