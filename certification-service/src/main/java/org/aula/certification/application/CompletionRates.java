package org.aula.certification.application;

import java.util.List;

import org.aula.certification.domain.CompletionDecisions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The completion rate of each cohort as a gauge, {@code aula.cohort.completion.rate{course, cohort}}:
 * completed among decided. Read from the database (so it survives restarts and agrees across
 * replicas) every {@code aula.certification.completion-rate-refresh}, not on each scrape.
 */
@Component
class CompletionRates {

    static final String RATE = "aula.cohort.completion.rate";

    private final CompletionDecisions decisions;
    private final MultiGauge rates;

    CompletionRates(CompletionDecisions decisions, MeterRegistry meters) {
        this.decisions = decisions;
        this.rates = MultiGauge.builder(RATE)
                .description("Share of a cohort's decided participants who completed the course")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${aula.certification.completion-rate-refresh:30s}", initialDelay = 0)
    void refresh() {
        List<MultiGauge.Row<?>> rows = decisions.cohortRates().stream()
                .<MultiGauge.Row<?>>map(rate -> MultiGauge.Row.of(
                        Tags.of("course", rate.courseCode(), "cohort", rate.cohortCode()), rate.rate()))
                .toList();
        rates.register(rows, true);
    }
}
