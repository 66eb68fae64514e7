package org.aula.session.domain.roster;

import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;

/**
 * The roster was locked when the cohort filled for the {@code fillNumber}-th time, or, with fill
 * number 0, by staff before the cohort filled ({@code POST /cohorts/{id}/roster/lock}).
 */
public record RosterLock(int fillNumber, Instant lockedAt) {

    public RosterLock {
        Require.notNegative(fillNumber, "fill number");
        Objects.requireNonNull(lockedAt, "locked at");
    }

    /** A lock staff set before any fill. */
    public static RosterLock byStaff(Instant lockedAt) {
        return new RosterLock(0, lockedAt);
    }

    public boolean byStaff() {
        return fillNumber == 0;
    }
}
