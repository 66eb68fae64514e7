package org.aula.enrollment.domain;

import org.aula.kernel.Require;

/**
 * One guarded step of a cohort's lifecycle: the cohort after the step, where it came from, where it
 * went, and why (published as {@code cohort.status-changed}).
 */
public record Transition(Cohort cohort, CohortStatus from, CohortStatus to, String reason) {

    public Transition {
        if (from == to) {
            throw new IllegalArgumentException("a transition changes the status: " + from);
        }
        if (cohort.status() != to) {
            throw new IllegalArgumentException("the cohort after the transition must be " + to);
        }
        Require.text(reason, "transition reason", 500);
    }
}
