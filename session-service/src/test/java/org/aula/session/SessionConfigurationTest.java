package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.aula.session.domain.CompletionRule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SessionConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SessionConfiguration.class);

    @Test
    void completionRuleDefaultsToEightyPercent() {
        context.run(started -> assertThat(started.getBean(CompletionRule.class).version())
                .isEqualTo("attendance-min-80.v1"));
    }

    @Test
    void theThresholdIsAnOperatorKnobAndNamesTheRuleVersion() {
        context.withPropertyValues("aula.session.completion.minimum-attendance-rate=0.75")
                .run(started -> assertThat(started.getBean(CompletionRule.class).version())
                        .isEqualTo("attendance-min-75.v1"));
    }

    @Test
    void aThresholdAboveOneStopsTheServiceFromStarting() {
        context.withPropertyValues("aula.session.completion.minimum-attendance-rate=1.5")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("minimumAttendanceRate"));
    }
}
