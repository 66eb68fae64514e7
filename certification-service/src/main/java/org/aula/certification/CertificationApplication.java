package org.aula.certification;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** certification-service: issues one verifiable certificate per course completion. */
@SpringBootApplication
public class CertificationApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the local platform and main() start it. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CertificationApplication.class)
                .properties("spring.config.name=certification-service");
    }
}
