package org.aula.console;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The staff console: server-rendered pages with which coordinators, facilitators and partner focal
 * points run cohorts in a browser. It signs people in with OpenID Connect and calls the three
 * services' REST APIs with the signed-in person's access token; it has no database of its own.
 */
@SpringBootApplication
@EnableConfigurationProperties(ConsoleProperties.class)
public class StaffConsoleApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The console as the local platform and main() start it (configuration in {@code staff-console.yml}). */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(StaffConsoleApplication.class).properties("spring.config.name=staff-console");
    }

    /** What "today" is for the facilitator's page. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
