package org.aula.enrollment;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/** enrollment-service: the catalogue, cohorts and their lifecycle, participants, nominations, seats, waitlists, seat offers and partner feeds. */
@SpringBootApplication
@EnableConfigurationProperties({EnrollmentProperties.class, WebhookProperties.class})
public class EnrollmentApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the local platform and main() start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(EnrollmentApplication.class).properties("spring.config.name=enrollment-service");
    }

    /** The OpenAPI document's title, version and description; the runtime adds the bearer scheme and each operation's roles. */
    @Bean
    OpenAPI enrollmentServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Aula enrollment service")
                .version("v1")
                .description("The catalogue (institutions, courses, programmes, participants), cohorts and their lifecycle, "
                        + "quotas, nominations, seats, waitlists and seat offers, erasure, and partner feeds."));
    }

    /** The one clock of the service (the outbox stamps events with it too). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
