package org.aula.session.domain;

import java.time.Instant;
import java.util.Objects;

/** The roster was locked when the cohort filled for the {@code fillNumber}-th time. */
public record RosterLock(int fillNumber, Instant lockedAt) {

    public RosterLock {
        Require.positive(fillNumber, "fill number");
        Objects.requireNonNull(lockedAt, "locked at");
    }
}
