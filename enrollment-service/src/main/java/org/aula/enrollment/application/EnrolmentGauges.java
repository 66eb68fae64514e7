package org.aula.enrollment.application;

import java.util.List;

import org.aula.enrollment.domain.EnrolmentFigures;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Seats and waitlists as gauges, read from the database (so they survive restarts and agree
 * across replicas) every {@code aula.enrollment.gauge-refresh}, not on each scrape. Labels are
 * codes only and stay bounded: {@code cohort} for live cohorts (a cohort's series ends when it is
 * completed or cancelled), {@code institution} for the nominating institutions.
 */
@Component
@EnableScheduling
class EnrolmentGauges {

    static final String FILL_RATIO = "aula.enrollment.cohort.fill.ratio";
    static final String COHORT_WAITLIST = "aula.enrollment.cohort.waitlist";
    static final String ENROLLED = "aula.enrollment.institution.enrolled";
    static final String WAITLISTED = "aula.enrollment.institution.waitlisted";

    private final EnrolmentFigures figures;
    private final MultiGauge fillRatios;
    private final MultiGauge cohortWaitlists;
    private final MultiGauge enrolled;
    private final MultiGauge waitlisted;

    EnrolmentGauges(EnrolmentFigures figures, MeterRegistry meters) {
        this.figures = figures;
        this.fillRatios = MultiGauge.builder(FILL_RATIO)
                .description("Seats taken of a live cohort's capacity, 0 to 1").register(meters);
        this.cohortWaitlists = MultiGauge.builder(COHORT_WAITLIST)
                .description("Officials waiting for a seat in a live cohort").register(meters);
        this.enrolled = MultiGauge.builder(ENROLLED)
                .description("Officials an institution nominated who hold a seat (cohorts not cancelled)").register(meters);
        this.waitlisted = MultiGauge.builder(WAITLISTED)
                .description("Officials an institution nominated who wait for a seat (cohorts still taking nominations)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${aula.enrollment.gauge-refresh:30s}", initialDelay = 0)
    void refresh() {
        List<EnrolmentFigures.CohortFill> cohorts = figures.liveCohorts();
        fillRatios.register(cohorts.stream().<MultiGauge.Row<?>>map(cohort ->
                MultiGauge.Row.of(Tags.of("cohort", cohort.cohortCode()), cohort.fillRatio())).toList(), true);
        cohortWaitlists.register(cohorts.stream().<MultiGauge.Row<?>>map(cohort ->
                MultiGauge.Row.of(Tags.of("cohort", cohort.cohortCode()), cohort.waitlisted())).toList(), true);
        List<EnrolmentFigures.InstitutionHeadcount> institutions = figures.byInstitution();
        enrolled.register(institutions.stream().<MultiGauge.Row<?>>map(institution ->
                MultiGauge.Row.of(Tags.of("institution", institution.institutionCode()), institution.enrolled())).toList(), true);
        waitlisted.register(institutions.stream().<MultiGauge.Row<?>>map(institution ->
                MultiGauge.Row.of(Tags.of("institution", institution.institutionCode()), institution.waitlisted())).toList(), true);
    }
}
