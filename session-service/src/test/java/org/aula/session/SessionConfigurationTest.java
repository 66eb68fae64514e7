package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.aula.session.domain.delivery.PlanTemplate;
import org.aula.session.domain.rule.CompletionDefaults;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RequiredAssessment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SessionConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SessionConfiguration.class);

    @Test
    void completionDefaultsToEightyPercentWithoutAssessments() {
        context.run(started -> {
            CompletionTerms terms = started.getBean(CompletionDefaults.class).terms("BMM");
            assertThat(terms.minimumAttendanceRate()).isEqualByComparingTo("0.80");
            assertThat(terms.assessments()).isEmpty();
            SessionProperties properties = started.getBean(SessionProperties.class);
            assertThat(properties.completion().defaultPassMark()).isEqualByComparingTo("60");
            assertThat(properties.attendance().maxSheetLines()).isEqualTo(500);
            assertThat(started.getBean(PlanTemplate.class).defaultTopics()).containsExactly("Human rights",
                    "Mixed migration flows", "Factors that influence migration", "International organized crime",
                    "Emergencies", "Migration management");
        });
    }

    @Test
    void theThresholdAndEachCoursesAssessmentsAreOperatorKnobs() {
        context.withPropertyValues(
                        "aula.session.completion.minimum-attendance-rate=0.75",
                        "aula.session.completion.default-pass-mark=50",
                        "aula.session.completion.courses.BMM.assessments[0].code=BMM-CS",
                        "aula.session.completion.courses.BMM.assessments[0].title=Case study",
                        "aula.session.completion.courses.BMM.assessments[0].pass-mark=60",
                        "aula.session.completion.courses.BMM.assessments[1].code=BMM-RP",
                        "aula.session.completion.courses.BMM.assessments[1].title=Role play",
                        "aula.session.completion.courses.GOV.minimum-attendance-rate=0.9")
                .run(started -> {
                    CompletionDefaults defaults = started.getBean(CompletionDefaults.class);
                    assertThat(defaults.terms("BMM")).isEqualTo(new CompletionTerms(new BigDecimal("0.75"), List.of(
                            new RequiredAssessment("BMM-CS", "Case study", BigDecimal.valueOf(60)),
                            new RequiredAssessment("BMM-RP", "Role play", BigDecimal.valueOf(50)))));
                    assertThat(defaults.terms("GOV")).isEqualTo(CompletionTerms.attendanceOnly(new BigDecimal("0.9")));
                    assertThat(defaults.terms("OTHER")).isEqualTo(CompletionTerms.attendanceOnly(new BigDecimal("0.75")));
                });
    }

    @Test
    void aThresholdAboveOneStopsTheServiceFromStarting() {
        context.withPropertyValues("aula.session.completion.minimum-attendance-rate=1.5")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("minimumAttendanceRate"));
    }

    @Test
    void aMalformedAssessmentCodeStopsTheServiceFromStarting() {
        context.withPropertyValues("aula.session.completion.courses.BMM.assessments[0].code=case study",
                        "aula.session.completion.courses.BMM.assessments[0].title=Case study")
                .run(started -> assertThat(started).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("code"));
    }
}
