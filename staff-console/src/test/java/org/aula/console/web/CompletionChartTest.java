package org.aula.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.aula.console.services.CertificationApi.Figures;
import org.junit.jupiter.api.Test;

class CompletionChartTest {

    @Test
    void barsAreScaledToTheLargestInstitutionAndCarryTheirNumbers() {
        CompletionChart chart = CompletionChart.of(List.of(
                new Figures("IMMIGRATION", 7, 6, 1, 6 / 7.0, 6, 0),
                new Figures("POLICE", 6, 6, 0, 1.0, 6, 0)));

        CompletionChart.Bar immigration = chart.bars().get(0);
        assertThat(immigration.completedWidth() + immigration.notCompletedWidth()).isEqualTo(CompletionChart.BAR_AREA);
        assertThat(immigration.notCompletedWidth()).isPositive();
        assertThat(immigration.percent()).isEqualTo(86);
        CompletionChart.Bar police = chart.bars().get(1);
        assertThat(police.notCompletedWidth()).isZero();
        assertThat(police.completedWidth()).isLessThan(CompletionChart.BAR_AREA);
        assertThat(police.y()).isGreaterThan(immigration.y());
        assertThat(chart.width()).isGreaterThanOrEqualTo(CompletionChart.LABEL_WIDTH + CompletionChart.BAR_AREA + CompletionChart.LEGEND_WIDTH);
    }

    @Test
    void noDecisionsDrawNoBars() {
        assertThat(CompletionChart.of(List.of()).bars()).isEmpty();
        assertThat(CompletionChart.of(List.of(new Figures("MFA", 0, 0, 0, null, 0, 0))).bars().get(0).completedWidth()).isZero();
    }
}
