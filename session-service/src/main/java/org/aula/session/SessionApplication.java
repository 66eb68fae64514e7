package org.aula.session;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Aula's session service: rosters, delivery plans, sessions, attendance, assessments and completion decisions. */
@SpringBootApplication
public class SessionApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the local platform and main() start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SessionApplication.class).properties("spring.config.name=session-service");
    }
}
