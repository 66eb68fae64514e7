package org.aula.session;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aula.session.domain.delivery.PlanTemplate;
import org.aula.session.domain.rule.CompletionDefaults;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.RequiredAssessment;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** Wires the plain-Java policies of the domain and the service's clock and API description. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionProperties.class)
class SessionConfiguration {

    @Bean
    CompletionDefaults completionDefaults(SessionProperties properties) {
        SessionProperties.CompletionSettings settings = properties.completion();
        Map<String, CompletionTerms> courses = new LinkedHashMap<>();
        settings.courses().forEach((courseCode, course) -> courses.put(courseCode, new CompletionTerms(
                course.minimumAttendanceRate() != null ? course.minimumAttendanceRate() : settings.minimumAttendanceRate(),
                course.assessments().stream().map(assessment -> new RequiredAssessment(assessment.code(),
                        assessment.title(), passMark(assessment.passMark(), settings.defaultPassMark()))).toList())));
        return new CompletionDefaults(CompletionTerms.attendanceOnly(settings.minimumAttendanceRate()), courses);
    }

    @Bean
    PlanTemplate planTemplate(SessionProperties properties) {
        return new PlanTemplate(properties.plan().defaultTopics());
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OpenAPI sessionServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Aula session service")
                .version("v1")
                .description("Cohort rosters kept from enrolment events; delivery plans, sessions, attendance and "
                        + "assessment results; versioned completion rules and the completion decisions they make."));
    }

    private static BigDecimal passMark(@Nullable BigDecimal configured, BigDecimal fallback) {
        return configured != null ? configured : fallback;
    }
}
