package org.aula.platform;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aula.console.StaffConsoleApplication;
import org.aula.deploy.identity.IdentityClient;
import org.aula.deploy.identity.LocalIdentityServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the staff console in the platform's JVM, once the services and the identity provider are
 * up: its own Spring context and port, the services' base URLs, the provider as its OpenID issuer
 * (discovery runs at start-up, hence after the provider).
 */
final class StaffConsoleLauncher {

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(120);

    /**
     * What the services bring onto this JVM's classpath and the console, which has no database, no
     * broker and is no resource server, must not configure: their data source, Kafka, Flyway, the
     * Aula runtime (outbox, problem details, bearer-token security) and the identity provider's own
     * auto-configurations. The console's own jar has none of them, so it needs no such list.
     */
    static final List<String> NOT_FOR_THE_CONSOLE = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.aula.events.runtime.MessagingAutoConfiguration",
            "org.aula.events.runtime.web.ProblemDetailsAutoConfiguration",
            "org.aula.events.runtime.security.AulaSecurityAutoConfiguration");

    private StaffConsoleLauncher() {
    }

    static ConfigurableApplicationContext launch(int port, Map<PlatformService, URI> services, LocalIdentityServer identity) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--aula.console.enrollment-url=" + services.get(PlatformService.ENROLLMENT),
                "--aula.console.session-url=" + services.get(PlatformService.SESSION),
                "--aula.console.certification-url=" + services.get(PlatformService.CERTIFICATION),
                "--spring.security.oauth2.client.provider.aula.issuer-uri=" + identity.issuer(),
                "--spring.security.oauth2.client.registration.aula.client-id=" + IdentityClient.CONSOLE_CLIENT_ID,
                "--spring.security.oauth2.client.registration.aula.client-secret=" + IdentityClient.CONSOLE_CLIENT_SECRET,
                "--spring.autoconfigure.exclude=" + String.join(",", NOT_FOR_THE_CONSOLE) + ","
                        + String.join(",", ServiceLauncher.AUTHORIZATION_SERVER_AUTO_CONFIGURATIONS),
                "--logging.register-shutdown-hook=false"));
        ConfigurableApplicationContext context = StaffConsoleApplication.application().registerShutdownHook(false)
                .run(args.toArray(String[]::new));
        try {
            Readiness.await("staff-console", ServiceLauncher.baseUrl(context), READINESS_TIMEOUT);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
        return context;
    }
}
