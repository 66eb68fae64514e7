package org.aula.certification;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans of this service that are not found by scanning. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CertificationProperties.class)
class CertificationConfiguration {

    /** Certificates are stamped in UTC; the outbox uses the same clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
