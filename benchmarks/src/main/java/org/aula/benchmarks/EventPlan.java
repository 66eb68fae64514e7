package org.aula.benchmarks;

import java.time.Instant;
import java.util.UUID;

import org.aula.events.CohortFilled;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events of one phase: event {@code i} is fill number {@code i / keys + 1} of cohort {@code run-(i % keys)},
 * a {@link CohortFilled} padded to the payload size. A consumer maps a record back to {@code i} from its key and
 * fill number, so every subject's events are told apart without extra headers, and per-key order is checkable.
 */
final class EventPlan {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String run;
    private final int keys;
    private final int events;
    private final String padding;

    EventPlan(String phase, int events, int keys, int payloadBytes) {
        this.run = phase + "-" + UUID.randomUUID().toString().substring(0, 6);
        this.keys = keys;
        this.events = events;
        int unpadded = JSON.writeValueAsString(event(0, "")).length();
        this.padding = "P".repeat(Math.max(0, payloadBytes - unpadded));
    }

    String run() {
        return run;
    }

    int events() {
        return events;
    }

    int keys() {
        return keys;
    }

    String key(int i) {
        return run + "-" + (i % keys);
    }

    int fillNumber(int i) {
        return i / keys + 1;
    }

    /** The event index of a received record, or -1 if it is not one of this plan's. */
    int indexOf(String key, int fillNumber) {
        if (key == null || !key.startsWith(run) || key.length() <= run.length() + 1 || key.charAt(run.length()) != '-') {
            return -1;
        }
        int keyIndex = Integer.parseInt(key, run.length() + 1, key.length(), 10);
        int i = (fillNumber - 1) * keys + keyIndex;
        return i >= 0 && i < events ? i : -1;
    }

    /** Index of the key of a received record (0..keys-1); only for records {@link #indexOf} accepted. */
    int keyIndexOf(String key) {
        return Integer.parseInt(key, run.length() + 1, key.length(), 10);
    }

    CohortFilled event(int i) {
        return event(i, padding);
    }

    String json(int i) {
        return JSON.writeValueAsString(event(i));
    }

    private CohortFilled event(int i, String pad) {
        return new CohortFilled(key(i), "BENCH-" + pad, "BENCH", 25, fillNumber(i), Instant.now());
    }
}
