package org.aula.certification.application;

import java.util.LinkedHashSet;
import java.util.Set;

import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.DonorReports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes one institution's completion counts in a cohort ({@code completion-counts.changed})
 * in the transaction that changed them: a decision (or a revision) counted for the report, a
 * certificate issued, or one revoked, whether by staff or by a revision. Counts only, so the aggregate feed for donors and dashboards can carry it.
 *
 * <p>Once per cohort and institution per transaction, just before it commits: a record that issues a certificate
 * and counts the decision for the report (one transaction, see {@code CourseCompletionsListener}) changes the
 * counts twice, and readers get one event with both changes in it rather than one per change, the first of them
 * a state that never committed.
 */
@Service
public class PublishCompletionCounts {

    private final DonorReports reports;
    private final CertificateEvents events;
    /** The key of this transaction's pending (cohort, institution) pairs among its resources. */
    private final Object pendingKey = new Object();

    PublishCompletionCounts(DonorReports reports, CertificateEvents events) {
        this.reports = reports;
        this.events = events;
    }

    private record Pending(CohortId cohort, String institutionCode) {
    }

    @Transactional
    public void publish(CohortId cohort, String institutionCode) {
        @SuppressWarnings("unchecked")
        Set<Pending> pending = (Set<Pending>) TransactionSynchronizationManager.getResource(pendingKey);
        if (pending == null) {
            Set<Pending> first = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(pendingKey, first);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // Read after every change of the transaction, still inside it: the counts it commits.
                    TransactionSynchronizationManager.unbindResource(pendingKey);
                    first.forEach(counts -> reports.countsOf(counts.cohort(), counts.institutionCode())
                            .ifPresent(events::completionCountsChanged));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
                }
            });
            pending = first;
        }
        pending.add(new Pending(cohort, institutionCode));
    }
}
