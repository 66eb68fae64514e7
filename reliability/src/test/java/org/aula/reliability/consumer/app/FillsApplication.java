package org.aula.reliability.consumer.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The fault suite's consumer service: keeps a row per cohort fill it applied, consuming
 * {@code enrollment.events} through the runtime's inbox, as Aula's services do. Tests start it in
 * their own JVM or, for the hard-kill scenario, as a separate process through {@link #main}.
 */
@SpringBootApplication
public class FillsApplication {

    public static void main(String[] args) {
        SpringApplication.run(FillsApplication.class, args);
    }
}
