package org.aula.certification.application;

import org.aula.certification.domain.DonorReports;
import org.aula.certification.domain.Participation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each participant's latest decision in a cohort, with the hours attended, for the donor
 * report, and publishes the institution's new counts in the cohort. A repeated or older decision
 * changes nothing.
 */
@Service
public class RecordParticipation {

    private final DonorReports reports;
    private final PublishCompletionCounts counts;

    RecordParticipation(DonorReports reports, PublishCompletionCounts counts) {
        this.reports = reports;
        this.counts = counts;
    }

    /** @return whether the participation is now the one counted */
    @Transactional
    public boolean record(Participation participation) {
        boolean counted = reports.record(participation);
        if (counted) {
            counts.publish(participation.cohortId(), participation.institutionCode());
        }
        return counted;
    }
}
