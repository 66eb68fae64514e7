package org.aula.session.domain.delivery;

import java.util.List;
import java.util.Objects;

import org.aula.session.domain.completion.Completion;

/**
 * What closing a cohort's delivery decided: a decision for each participant decided now, and the
 * summary of all the cohort's decisions.
 */
public record Closing(List<Completion> decisions, DeliveryClosure closure) {

    public Closing {
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(closure, "closure");
    }
}
