package org.aula.certification;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The beans of this service that are not found by scanning; scheduling refreshes the completion-rate gauges. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificationProperties.class)
@EnableScheduling
class CertificationConfiguration {

    /** Certificates are stamped in UTC; the outbox uses the same clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
