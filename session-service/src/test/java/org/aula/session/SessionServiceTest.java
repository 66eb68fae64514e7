package org.aula.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.aula.testsupport.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test configuration of this module: the whole service on a random port against
 * the JVM's shared embedded Kafka and PostgreSQL. Every integration test uses it unchanged, so the
 * context starts once; tests keep apart by using their own cohort ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=session-service")
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
@interface SessionServiceTest {
}
