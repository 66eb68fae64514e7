package org.aula.session.domain.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;
import org.aula.session.domain.SessionId;
import org.jspecify.annotations.Nullable;

/**
 * One session of a cohort's delivery plan.
 *
 * @param number      the order in which it was planned (its id is derived from it)
 * @param sequence    its place in the plan, by date then number (1 = first)
 * @param deliveredAt when staff marked it delivered; null while it is not
 */
public record Session(SessionId id, int number, int sequence, SessionTerms terms, @Nullable Instant deliveredAt) {

    public Session {
        Objects.requireNonNull(id, "session id");
        Require.positive(number, "session number");
        Require.positive(sequence, "sequence");
        Objects.requireNonNull(terms, "terms");
    }

    public boolean delivered() {
        return deliveredAt != null;
    }

    public BigDecimal hours() {
        return terms.hours();
    }

    /** Whether someone can have attended {@code hours} of this session: none of it, up to all of it. */
    boolean admits(BigDecimal hours) {
        return hours.signum() >= 0 && hours.compareTo(hours()) <= 0;
    }

    /** What {@link #admits} asks, for refusals: e.g. {@code must lie in 0..4 (session S01 lasts 4 h)}. */
    String hoursRange() {
        return "must lie in 0.." + hours().toPlainString() + " (session " + id + " lasts " + hours().toPlainString() + " h)";
    }

    Session withSequence(int newSequence) {
        return new Session(id, number, newSequence, terms, deliveredAt);
    }

    Session withTerms(SessionTerms newTerms) {
        return new Session(id, number, sequence, newTerms, deliveredAt);
    }

    Session deliveredAt(Instant at) {
        return new Session(id, number, sequence, terms, at);
    }
}
