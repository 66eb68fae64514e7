package org.aula.certification.application;

import org.aula.certification.domain.Cohort;
import org.aula.certification.domain.DonorReports;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps each cohort's dates, which place its figures in a month and a quarter of the donor report. */
@Service
public class RecordCohortDates {

    private final DonorReports reports;

    RecordCohortDates(DonorReports reports) {
        this.reports = reports;
    }

    @Transactional
    public void record(String courseCode, Cohort cohort) {
        reports.record(courseCode, cohort);
    }
}
