package org.aula.certification;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** The beans of this service that are not found by scanning; scheduling refreshes the completion-rate gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificationProperties.class)
@EnableScheduling
class CertificationConfiguration {

    /** Certificates are stamped in UTC; the outbox uses the same clock. */
    /** The OpenAPI document's title, version and description; the runtime adds the bearer scheme and each operation's roles. */
    @Bean
    OpenAPI certificationServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Aula certification service")
                .version("v1")
                .description("One certificate per completion as an Open Badges 3.0 credential (VC-JWT), public verification, "
                        + "JWKS and status lists, revocation, PDFs, diplomas and completion metrics."));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
