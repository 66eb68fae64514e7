package org.aula.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Waits for services' {@code /actuator/health/readiness} (the database) to say UP. */
final class Readiness {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {
    }

    /** Returns once {@code baseUrl}'s readiness is UP; throws after {@code timeout}. */
    static void await(String service, URI baseUrl, Duration timeout) {
        URI readiness = URI.create(baseUrl + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last;
        while (!(last = status(readiness)).equals("UP")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " not ready within " + timeout.toSeconds() + " s ("
                        + readiness + ": " + last + ")");
            }
            pause();
        }
    }

    private static String status(URI readiness) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            return body.path("status").asString("HTTP " + response.statusCode());
        } catch (IOException | RuntimeException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + readiness, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for readiness", e);
        }
    }
}
