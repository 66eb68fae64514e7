package org.aula.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.aula.deploy.identity.LocalTokenIssuer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Bearer tokens for tests, signed by one JVM-wide {@link LocalTokenIssuer} on a temporary
 * directory whose public key {@link TestInfrastructure.Initializer} (or {@link Initializer}) hands
 * to the service under test. Send them as {@code Authorization: Bearer <token>}.
 */
public final class TestTokens {

    /** The property Spring Boot's resource server reads the verification key from. */
    public static final String PUBLIC_KEY_LOCATION_PROPERTY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final Duration LIFETIME = Duration.ofHours(1);

    private static LocalTokenIssuer issuer;
    private static LocalTokenIssuer forger;

    private TestTokens() {
    }

    /** The JVM-wide issuer, its key created on first use in a temporary directory. */
    public static synchronized LocalTokenIssuer issuer() {
        if (issuer == null) {
            issuer = new LocalTokenIssuer(temporaryDirectory("aula-test-identity-"));
        }
        return issuer;
    }

    /** {@code file:} URL of the issuer's public key, for {@value #PUBLIC_KEY_LOCATION_PROPERTY}. */
    public static String publicKeyLocation() {
        return issuer().publicKeyLocation();
    }

    /** A programme coordinator. */
    public static String coordinator() {
        return of("test-coordinator", "coordinator");
    }

    /** A facilitator. */
    public static String facilitator() {
        return of("test-facilitator", "facilitator");
    }

    /** An operations engineer. */
    public static String operations() {
        return of("test-operations", "operations");
    }

    /** A partner of {@code institution}. */
    public static String partner(String institution) {
        return issuer().mint("test-partner-" + institution, Set.of("partner"), institution, LIFETIME);
    }

    /** A token of any role (see {@link LocalTokenIssuer#ROLES}); a partner's institution is {@code institution}. */
    public static String forRole(String role, String institution) {
        return "partner".equals(role) ? partner(institution) : of("test-" + role, role);
    }

    /** A token with {@code subject} and {@code roles} (no institution). */
    public static String of(String subject, String... roles) {
        return issuer().mint(subject, Set.of(roles), null, LIFETIME);
    }

    /** A coordinator's token that expired an hour ago (well beyond any clock-skew allowance). */
    public static String expired() {
        return issuer().mint("test-expired", Set.of("coordinator"), null, Instant.now().minus(Duration.ofHours(2)), LIFETIME);
    }

    /** A well-formed coordinator token with the issuer's {@code kid}, signed by another key. */
    public static String forgedSignature() {
        String genuine = coordinator();
        String forged = forger().mint("test-coordinator", Set.of("coordinator"), null, LIFETIME);
        // Keep the genuine header (kid included), swap in the forger's payload and signature.
        String[] genuineParts = genuine.split("\\.");
        String[] forgedParts = forged.split("\\.");
        return genuineParts[0] + "." + forgedParts[1] + "." + forgedParts[2];
    }

    /** An unsigned coordinator token ({@code alg: none}), which no service may accept. */
    public static String unsigned() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String payload = coordinator().split("\\.")[1];
        return encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
    }

    /** {@code "Bearer " + token}, the {@code Authorization} header value. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Points a Spring test context at the test issuer's public key. {@link TestInfrastructure.Initializer}
     * already does this; use this one in a context without Kafka and PostgreSQL.
     */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("aulaTestTokens",
                    Map.of(PUBLIC_KEY_LOCATION_PROPERTY, publicKeyLocation())));
        }
    }

    private static synchronized LocalTokenIssuer forger() {
        if (forger == null) {
            forger = new LocalTokenIssuer(temporaryDirectory("aula-test-forger-"));
        }
        return forger;
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.list(directory)) {
            files.forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Only a leftover temp folder; not worth failing a test run at exit.
        }
        directory.toFile().delete();
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(directory), "aula-test-tokens-cleanup"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
