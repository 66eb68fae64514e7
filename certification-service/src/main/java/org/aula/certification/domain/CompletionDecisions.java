package org.aula.certification.domain;

import java.util.List;

/** The latest completion decision per participant in a cohort, and the figures read from them. */
public interface CompletionDecisions {

    /**
     * Keeps a decision unless a later one for the same participant in the same cohort is kept.
     *
     * @return true when this decision is new or replaced another outcome
     */
    boolean record(CompletionDecision decision);

    /** The completion rate of every cohort with at least one decision. */
    List<CohortRate> cohortRates();

    /** Completions, certificates and diplomas, per course, cohort and institution, within a filter. */
    CompletionSummary summary(CompletionSummary.Filter filter);

    /** One cohort's share of completions among its decisions. */
    record CohortRate(String courseCode, String cohortCode, long decided, long completed) {

        public double rate() {
            return decided == 0 ? 0 : (double) completed / decided;
        }
    }
}
