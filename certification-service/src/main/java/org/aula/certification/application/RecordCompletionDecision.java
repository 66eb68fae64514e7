package org.aula.certification.application;

import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.CompletionDecisions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tallies session-service's completion decisions (completed or not) for the completion figures:
 * the counters, the per-cohort rate, and the summary endpoint. A repeated decision counts once.
 */
@Service
public class RecordCompletionDecision {

    private final CompletionDecisions decisions;
    private final CertificateMetrics metrics;

    RecordCompletionDecision(CompletionDecisions decisions, CertificateMetrics metrics) {
        this.decisions = decisions;
        this.metrics = metrics;
    }

    /** @return whether the decision was new (or changed the participant's outcome) */
    @Transactional
    public boolean record(CompletionDecision decision) {
        boolean counted = decisions.record(decision);
        if (counted) {
            metrics.countDecisionAfterCommit(decision);
        }
        return counted;
    }
}
