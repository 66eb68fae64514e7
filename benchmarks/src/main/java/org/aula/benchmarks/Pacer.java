package org.aula.benchmarks;

import java.util.concurrent.locks.LockSupport;

/**
 * Fixed-rate ticks on an absolute schedule: tick {@code i} is due at {@code start + i * period}. A late tick
 * is not made up by a burst of catch-up ticks beyond those already due; the caller's work should be handed to
 * a pool so that a slow commit does not delay the schedule.
 */
final class Pacer {

    private final long periodNanos;
    private final long start;

    Pacer(int perSecond) {
        this.periodNanos = 1_000_000_000L / perSecond;
        this.start = System.nanoTime();
    }

    /** Parks until tick {@code i} is due. */
    void awaitTick(long i) {
        long due = start + i * periodNanos;
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }
}
