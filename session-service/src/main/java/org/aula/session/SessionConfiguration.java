package org.aula.session;

import java.time.Clock;

import org.aula.session.domain.CompletionRule;
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
    CompletionRule completionRule(SessionProperties properties) {
        return new CompletionRule(properties.completion().minimumAttendanceRate());
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
                .description("Cohort rosters kept from enrolment events, and course completion decisions."));
    }
}
