package org.aula.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aula.deploy.identity.LocalTokenIssuer;

/**
 * Aula's three services, each its executable jar in a JVM of its own, started one after another against a broker
 * and a PostgreSQL of their own (no benchmark traffic on their topics), each with its own database, trusting a
 * token issuer of the run (deploy/local-identity, as the local platform's). The benchmark reaches them only over
 * their REST APIs and their topics.
 */
final class Services implements AutoCloseable {

    /** Start order, as the local platform's. */
    static final List<String> NAMES = List.of("enrollment-service", "session-service", "certification-service");

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final LocalTokenIssuer tokens;
    private final Path tokenKeys;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    private final Map<String, Path> jars;

    Services(Settings settings, Infrastructure infrastructure) {
        this(settings, infrastructure, settings.serviceJars());
    }

    /** Services run from {@code jars} (by service name) instead of the build's own. */
    Services(Settings settings, Infrastructure infrastructure, Map<String, Path> jars) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.jars = Map.copyOf(jars);
        try {
            this.tokenKeys = Files.createTempDirectory("aula-bench-identity-");
            this.tokens = new LocalTokenIssuer(tokenKeys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code service} (its database named after it) and waits until it is ready. */
    ServiceProcess start(String service) {
        // A profile of one service (AULA_BENCH_PROFILE_CERTIFICATION="-XX:StartFlightRecording=..."): the others untouched.
        String profile = System.getenv("AULA_BENCH_PROFILE_" + service.substring(0, service.indexOf('-')).toUpperCase());
        ServiceProcess process = launch(service, jar(service), profile == null ? List.of() : List.of(profile), service);
        running.put(service, process);
        Duration ready = process.awaitReady();
        Benchmarks.progress("  %s ready %.1f s after java -jar (resident %.0f MiB)", service, ready.toMillis() / 1000.0,
                process.residentMiB());
        return process;
    }

    /**
     * Launches {@code jar} of {@code service} with its connection settings and {@code extraJvmOptions}, without
     * waiting for anything and without keeping it among the running services (the caller closes it).
     */
    ServiceProcess launch(String service, Path jar, List<String> extraJvmOptions, String logName) {
        return ServiceProcess.start(service, jar, jvmOptions(), extraJvmOptions, settings.out().resolve("logs"),
                logName, arguments(service));
    }

    private List<String> arguments(String service) {
        String database = service.substring(0, service.indexOf('-'));
        return new ArrayList<>(List.of(
                "--spring.datasource.url=" + infrastructure.jdbcUrl(database),
                "--spring.datasource.username=" + infrastructure.username(),
                "--spring.datasource.password=" + infrastructure.password(),
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation()));
    }

    /** The JVM options every service gets. */
    List<String> jvmOptions() {
        return Arrays.stream(settings.serviceJvm().trim().split("\\s+")).filter(option -> !option.isEmpty())
                .toList();
    }

    /** The repository's root folder (where BENCHMARKS.md is written). */
    Path repository() {
        return settings.report().toAbsolutePath().getParent();
    }

    Path out() {
        return settings.out();
    }

    Path jar(String service) {
        Path jar = jars.get(service);
        if (jar == null) {
            throw new IllegalStateException("no jar of " + service + " (run through the benchmarks module's pom)");
        }
        return jar;
    }

    /** Stops {@code service} (SIGTERM, as an orchestrator would). */
    void stop(String service) {
        ServiceProcess process = running.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Reads the CPU time of the running services, PostgreSQL and this JVM (empty where Linux's /proc is missing). */
    Optional<CpuUse> cpuUse() {
        return CpuUse.of(running(), infrastructure.postgresPort());
    }

    /** The services running now, in start order. */
    List<ServiceProcess> running() {
        return List.copyOf(running.values());
    }

    ServiceProcess get(String service) {
        ServiceProcess process = running.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return process;
    }

    /** A bearer token with {@code role} (coordinator, operations, ...) for an hour. */
    String token(String role) {
        return tokens.mint("benchmark-" + role, Set.of(role), null, Duration.ofHours(1));
    }

    String kafkaBootstrapServers() {
        return infrastructure.bootstrapServers();
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            running.get(names.get(i)).close();
        }
        running.clear();
        Infrastructure.deleteQuietly(tokenKeys);
    }
}
