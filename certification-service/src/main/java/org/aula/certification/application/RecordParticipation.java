package org.aula.certification.application;

import org.aula.certification.domain.DonorReports;
import org.aula.certification.domain.Participation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each participant's latest decision in a cohort, with the hours attended, for the donor
 * report. A repeated or older decision changes nothing.
 */
@Service
public class RecordParticipation {

    private final DonorReports reports;

    RecordParticipation(DonorReports reports) {
        this.reports = reports;
    }

    /** @return whether the participation is now the one counted */
    @Transactional
    public boolean record(Participation participation) {
        return reports.record(participation);
    }
}
