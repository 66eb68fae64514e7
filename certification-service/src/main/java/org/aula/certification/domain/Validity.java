package org.aula.certification.domain;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How long a credential is valid after it is issued: for ever (the default: a completed course
 * stays completed) or a fixed period, after which verifiers are told EXPIRED.
 */
public final class Validity {

    public static final Validity UNLIMITED = new Validity(null);

    private final @Nullable Duration period;

    private Validity(@Nullable Duration period) {
        this.period = period;
    }

    public static Validity of(@Nullable Duration period) {
        if (period == null) {
            return UNLIMITED;
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("validity period must be positive");
        }
        return new Validity(period);
    }

    /** The end of validity of a credential issued at {@code issuedAt}; null when unlimited. */
    public @Nullable Instant endOf(Instant issuedAt) {
        return period == null ? null : issuedAt.plus(period);
    }

    @Override
    public String toString() {
        return period == null ? "unlimited" : period.toString();
    }
}
