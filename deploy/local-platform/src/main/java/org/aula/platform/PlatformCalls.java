package org.aula.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.aula.deploy.identity.LocalTokenIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The running platform as the demo reaches it, over public interfaces only: each service's base URL,
 * a client per role with a token from the platform's own issuer, the broker a partner attaches to,
 * and waiting for what the services do asynchronously.
 */
final class PlatformCalls {

    /** How long one asynchronous hop (roster lock, certificates) may take. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    final URI enrollment;
    final URI session;
    final URI certification;
    final String kafkaBootstrapServers;
    final LocalTokenIssuer tokens;
    /** Programme staff: schedules, nominates, records completions, lists certificates, reads the figures. */
    final JsonHttp coordinator;
    /** Runs the platform: reads the Prometheus scrape. */
    final JsonHttp operations;
    /** Anyone holding a certificate's number: no token. */
    final JsonHttp verifier = JsonHttp.anonymous();

    PlatformCalls(URI enrollment, URI session, URI certification, String kafkaBootstrapServers, LocalTokenIssuer tokens) {
        this.enrollment = enrollment;
        this.session = session;
        this.certification = certification;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.tokens = tokens;
        this.coordinator = JsonHttp.withToken(tokens.mint("seed-story-coordinator", Set.of("coordinator"), null, Duration.ofHours(1)));
        this.operations = JsonHttp.withToken(tokens.mint("seed-story-operations", Set.of("operations"), null, Duration.ofHours(1)));
    }

    URI enrollment(String pathAndQuery) {
        return URI.create(enrollment + pathAndQuery);
    }

    URI session(String pathAndQuery) {
        return URI.create(session + pathAndQuery);
    }

    URI certification(String pathAndQuery) {
        return URI.create(certification + pathAndQuery);
    }

    /** A partner of {@code institution}: its token carries the institution claim. */
    JsonHttp partner(String institution, String subject) {
        return JsonHttp.withToken(tokens.mint(subject, Set.of("partner"), institution, Duration.ofHours(1)));
    }

    /** Probes until it answers a value; fails naming {@code what} once {@code timeout} has passed. */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    /** A field the answer must hold, as text. */
    static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException("answer has no " + field + ": " + node);
        }
        return value.asString();
    }

    /** A count or an amount of hours without a needless {@code .0}. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
