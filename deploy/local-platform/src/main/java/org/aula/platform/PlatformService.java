package org.aula.platform;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.aula.certification.CertificationApplication;
import org.aula.enrollment.EnrollmentApplication;
import org.aula.session.SessionApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The three services the platform runs, in start order; each has its own database. */
public enum PlatformService {

    ENROLLMENT("enrollment-service", "enrollment", EnrollmentApplication::application),
    SESSION("session-service", "session", SessionApplication::application),
    CERTIFICATION("certification-service", "certification", CertificationApplication::application);

    private final String serviceName;
    private final String database;
    private final Supplier<SpringApplicationBuilder> application;

    PlatformService(String serviceName, String database, Supplier<SpringApplicationBuilder> application) {
        this.serviceName = serviceName;
        this.database = database;
        this.application = application;
    }

    /** The service's {@code spring.application.name}, e.g. {@code enrollment-service}. */
    public String serviceName() {
        return serviceName;
    }

    /** The PostgreSQL database the service owns. */
    public String database() {
        return database;
    }

    /**
     * Settings that depend on where the platform runs the service: certification-service prints
     * verification links with its public base URL, which defaults to port 8083.
     */
    List<String> placementArguments(URI baseUrl) {
        return this == CERTIFICATION ? List.of("--aula.certification.public-base-url=" + baseUrl) : List.of();
    }

    /** The service's own application builder, exactly as its {@code main()} uses it. */
    SpringApplicationBuilder application() {
        return application.get();
    }
}
