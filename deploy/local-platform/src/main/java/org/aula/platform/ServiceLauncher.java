package org.aula.platform;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the three services inside this JVM, each with its own Spring context, port and database. */
final class ServiceLauncher {

    private static final Logger log = LoggerFactory.getLogger(ServiceLauncher.class);
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);

    /**
     * Spring Boot's authorization server auto-configurations, on the classpath because the platform
     * runs the local OpenID provider in this JVM. In a service they would generate a throw-away RSA
     * key and offer a second {@code JwtDecoder} for it, which only the order of auto-configurations
     * keeps from replacing the decoder for the key the platform passes. A service is no
     * authorization server: they are excluded.
     */
    static final List<String> AUTHORIZATION_SERVER_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration");

    private ServiceLauncher() {
    }

    /**
     * Starts every service, in parallel or one after another, waits for each one's readiness, and
     * puts each context that is ready into {@code started} (also when another failed, so the
     * caller can stop what runs).
     *
     * @throws IllegalStateException when any service failed to start
     */
    static void launchAll(PlatformOptions options, Map<PlatformService, String> jdbcUrls, List<String> credentials,
            String kafkaBootstrapServers, String publicKeyLocation, Map<PlatformService, ConfigurableApplicationContext> started) {
        Map<PlatformService, CompletableFuture<ConfigurableApplicationContext>> starts = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            int port = Ports.concrete(options.portOf(service));
            List<String> args = new ArrayList<>(arguments(port, jdbcUrls.get(service), credentials, kafkaBootstrapServers,
                    publicKeyLocation));
            args.addAll(service.placementArguments(URI.create("http://localhost:" + port)));
            Supplier<ConfigurableApplicationContext> start = () -> launch(service, args.toArray(String[]::new));
            if (options.parallelStart()) {
                starts.put(service, inNewThread("start-" + service.serviceName(), start));
            } else {
                CompletableFuture<ConfigurableApplicationContext> done = completedOrFailed(start);
                starts.put(service, done);
                if (done.isCompletedExceptionally()) {
                    break;
                }
            }
        }
        List<RuntimeException> failures = new ArrayList<>();
        starts.forEach((service, future) -> {
            try {
                started.put(service, future.join());
            } catch (CompletionException e) {
                failures.add(new IllegalStateException(service.serviceName() + " did not start", e.getCause()));
            }
        });
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(failures.get(0).getMessage(), failures.get(0).getCause());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** {@code http://localhost:<the port the service actually listens on>}. */
    static URI baseUrl(ConfigurableApplicationContext context) {
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException(context.getId() + " has no web server port");
        }
        return URI.create("http://localhost:" + port);
    }

    /**
     * Connection settings go in as command-line arguments, not as the builder's default
     * properties: defaults rank below the service's own {@code <service>.yml}, whose
     * {@code server.port: ${SERVER_PORT:8081}} would win. Command-line arguments also outrank
     * environment variables, which in one JVM would apply to all three services at once.
     * {@code publicKeyLocation} is the local token issuer's public key: the services accept the
     * bearer tokens it signs. A service without Spring Security's resource server ignores it.
     */
    static List<String> arguments(int port, String jdbcUrl, List<String> credentials, String kafkaBootstrapServers,
            String publicKeyLocation) {
        return List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + credentials.get(0),
                "--spring.datasource.password=" + credentials.get(1),
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKeyLocation,
                "--spring.autoconfigure.exclude=" + String.join(",", AUTHORIZATION_SERVER_AUTO_CONFIGURATIONS),
                "--spring.main.banner-mode=off",
                // POST /demo-data exists here only (enrollment-service; the others ignore it).
                "--aula.enrollment.demo-data.endpoint=true",
                // Webhook receivers on this machine (http://localhost:...): the local platform only (SSRF guard otherwise).
                "--aula.enrollment.webhooks.allow-loopback=true",
                // The platform stops everything in order itself; see ShutdownOnSignal.
                "--logging.register-shutdown-hook=false");
    }

    /** Runs the service and returns once its readiness (its database) is UP. */
    private static ConfigurableApplicationContext launch(PlatformService service, String[] args) {
        long begin = System.nanoTime();
        ConfigurableApplicationContext context = service.application()
                .registerShutdownHook(false)
                .run(args);
        try {
            Readiness.await(service.serviceName(), baseUrl(context), READINESS_TIMEOUT);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        log.info("{} ready in {} ms", service.serviceName(), (System.nanoTime() - begin) / 1_000_000);
        return context;
    }

    /**
     * A plain thread rather than the common pool: it inherits this thread's context class loader,
     * which inside the executable jar is the one that sees the nested jars.
     */
    static <T> CompletableFuture<T> inNewThread(String name, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, name);
        thread.start();
        return result;
    }

    private static <T> CompletableFuture<T> completedOrFailed(Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
