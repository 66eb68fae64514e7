package org.aula.enrollment;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.aula.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of this module, on the shared embedded Kafka and PostgreSQL:
 * every integration test uses it, so the context starts once per test JVM. Tests do not reset
 * state; each schedules its own cohorts (with unique codes) and reads only their events.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = EnrollmentApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=enrollment-service",
                // the seat and waitlist gauges are re-read every second, so tests need not wait 30 s
                "aula.enrollment.gauge-refresh=1s"})
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@interface EnrollmentIntegrationTest {
}
