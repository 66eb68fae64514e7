package org.aula.certification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.aula.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of this module (so the context starts once per JVM): the
 * service on a random port against the shared embedded Kafka and PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=certification-service",
        "aula.certification.public-base-url=" + CertificationServiceTest.PUBLIC_BASE_URL,
        // the completion-rate gauges are re-read every second, so tests need not wait 30 s
        "aula.certification.completion-rate-refresh=1s",
        "management.endpoints.web.exposure.include=health,info,prometheus,metrics,signingkeys"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@interface CertificationServiceTest {

    /** A public base URL unlike the default, so tests see it is the configured one that is used. */
    String PUBLIC_BASE_URL = "https://certificates.aula.test";
}
