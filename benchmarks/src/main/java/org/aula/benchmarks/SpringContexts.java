package org.aula.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Spring Boot application for one subject, without a web server, on its own database and the shared
 * broker. Aula's and Modulith's auto-configurations are both on the classpath: each subject switches the other's
 * off, so it runs as an application that has only its own.
 */
final class SpringContexts {

    private SpringContexts() {
    }

    static ConfigurableApplicationContext start(Class<?> application, Infrastructure infrastructure, String database,
            String excludedAutoConfigurationPrefix, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.application.name=" + database.replace('_', '-'),
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                // The same pool on both sides: Modulith's 8 publication threads and 8 writers starve a pool of 10.
                "--spring.datasource.hikari.maximum-pool-size=" + Benchmarks.POOL_SIZE,
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--spring.flyway.enabled=false",
                "--spring.autoconfigure.exclude=" + autoConfigurations(excludedAutoConfigurationPrefix)));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
    }

    private static String autoConfigurations(String prefix) {
        ImportCandidates candidates = ImportCandidates.load(AutoConfiguration.class, SpringContexts.class.getClassLoader());
        return StreamSupport.stream(candidates.spliterator(), false)
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.joining(","));
    }
}
