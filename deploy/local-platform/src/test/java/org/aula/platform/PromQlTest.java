package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedMetricsAndNotFunctionsLabelsDurationsOrGrafanaVariables() {
        String expression = """
                sum by (namespace, application) (
                    (max_over_time(aula_messaging_dead_letters_total{job="aula", reason=~"fail.*"}[$__rate_interval])
                      unless aula_messaging_dead_letters_total offset 10m)
                  or increase(hikaricp_connections_timeout_total{application=~"$application"}[5m])
                ) / on (application) group_left label_replace(vector(1), "application", "x", "", "") > bool 0.05
                """;

        assertThat(PromQl.metricNames(expression))
                .containsExactly("aula_messaging_dead_letters_total", "hikaricp_connections_timeout_total");
    }

    @Test
    void namesInANameMatcherCount() {
        assertThat(PromQl.metricNames("{__name__=~\"aula_courses_completed_total|aula_cohort_completion_rate\", namespace=~\"$namespace\"}"))
                .containsExactly("aula_cohort_completion_rate", "aula_courses_completed_total");
    }

    @Test
    void aBareSelectorIsAMetricName() {
        assertThat(PromQl.metricNames("up == 0")).containsExactly("up");
    }
}
