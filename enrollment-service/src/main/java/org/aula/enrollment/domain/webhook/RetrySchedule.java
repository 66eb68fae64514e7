package org.aula.enrollment.domain.webhook;

import java.time.Duration;
import java.time.Instant;

import org.aula.kernel.Require;

/**
 * How a failing delivery is retried: after the n-th failure, wait {@code base x 2^(n-1)}, at most {@code max}; give
 * up (the delivery FAILED, the subscription SUSPENDED) once it has failed for {@code retryFor} since its first failure.
 * The same doubling paces the subscription as a whole, so a dead receiver is probed once per period rather than
 * once per pending cohort.
 */
public record RetrySchedule(Duration base, Duration max, Duration retryFor) {

    public RetrySchedule {
        Require.present(base, "base");
        Require.present(max, "max");
        Require.present(retryFor, "retryFor");
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || retryFor.isNegative() || retryFor.isZero()) {
            throw new IllegalArgumentException("retry: need 0 < base <= max and retry-for > 0");
        }
    }

    /** The wait after the {@code failures}-th consecutive failure (1 = the first). */
    public Duration delayAfter(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        Duration delay = base;
        for (int i = 0; i < doublings && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** Whether a delivery failing since {@code firstFailedAt} has been retried long enough. */
    public boolean givesUp(Instant firstFailedAt, Instant now) {
        return !now.isBefore(firstFailedAt.plus(retryFor));
    }
}
