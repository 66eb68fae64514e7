package org.aula.testsupport.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jepsen's discipline for one fault scenario: record every write the system acknowledged and every
 * effect observed downstream, then compare the sets. Lost = acknowledged − observed; duplicates =
 * effects − distinct effects; an order violation is an effect observed, for its key, before one
 * that was acknowledged earlier for the same key.
 *
 * <p>Thread-safe: writers and observers may record concurrently.
 */
public final class FaultLedger {

    private final Map<String, Write> acknowledged = new LinkedHashMap<>();
    private final List<Effect> observed = new ArrayList<>();
    private long acknowledgements;

    /** Records a write the system acknowledged (an HTTP 2xx, a committed outbox append), in its order for {@code key}. */
    public synchronized void acknowledged(String id, String key) {
        if (acknowledged.putIfAbsent(id, new Write(id, key, acknowledgements++)) != null) {
            throw new IllegalArgumentException("write " + id + " acknowledged twice");
        }
    }

    /** Records an effect seen downstream (a consumed record, a row), in the order it was observed. */
    public synchronized void observed(String id, String key) {
        observed.add(new Effect(id, key));
    }

    public synchronized int acknowledgedCount() {
        return acknowledged.size();
    }

    public synchronized int observedCount() {
        return observed.size();
    }

    /** Ids acknowledged but never observed. */
    public synchronized Set<String> lost() {
        Set<String> lost = new LinkedHashSet<>(acknowledged.keySet());
        observed.forEach(effect -> lost.remove(effect.id()));
        return lost;
    }

    /** How many effects repeat one already observed. */
    public synchronized int duplicates() {
        Set<String> distinct = new java.util.HashSet<>();
        int duplicates = 0;
        for (Effect effect : observed) {
            if (!distinct.add(effect.id())) {
                duplicates++;
            }
        }
        return duplicates;
    }

    /** Effects observed not in acknowledgement order within their key (first sightings only; repeats are duplicates). */
    public synchronized int orderViolations() {
        Map<String, Long> lastPosition = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        int violations = 0;
        for (Effect effect : observed) {
            Write write = acknowledged.get(effect.id());
            if (write == null || !seen.add(effect.id())) {
                continue;
            }
            Long last = lastPosition.get(write.key());
            if (last != null && write.position() < last) {
                violations++;
            } else {
                lastPosition.put(write.key(), write.position());
            }
        }
        return violations;
    }

    /** Effects whose id was never acknowledged (phantoms: e.g. a write that answered an error yet took effect). */
    public synchronized int unacknowledgedEffects() {
        Set<String> phantoms = new java.util.HashSet<>();
        for (Effect effect : observed) {
            if (!acknowledged.containsKey(effect.id())) {
                phantoms.add(effect.id());
            }
        }
        return phantoms.size();
    }

    private record Write(String id, String key, long position) {
    }

    private record Effect(String id, String key) {
    }
}
