package org.aula.certification.application;

import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.DonorReports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes one institution's completion counts in a cohort ({@code completion-counts.changed})
 * in the transaction that changed them: a decision (or a revision) counted for the report, a
 * certificate issued, or one revoked, whether by staff or by a revision. Counts only, so the aggregate feed for donors and dashboards can carry it.
 */
@Service
public class PublishCompletionCounts {

    private final DonorReports reports;
    private final CertificateEvents events;

    PublishCompletionCounts(DonorReports reports, CertificateEvents events) {
        this.reports = reports;
        this.events = events;
    }

    @Transactional
    public void publish(CohortId cohort, String institutionCode) {
        reports.countsOf(cohort, institutionCode).ifPresent(events::completionCountsChanged);
    }
}
