package org.aula.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few JSON-over-HTTP calls the demo makes, as one caller: with that caller's bearer token, or
 * anonymously (a verifier); failing loudly with the service's answer.
 */
final class JsonHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable String bearerToken;

    private JsonHttp(@Nullable String bearerToken) {
        this.bearerToken = bearerToken;
    }

    /** Calls that carry {@code Authorization: Bearer <token>}. */
    static JsonHttp withToken(String bearerToken) {
        return new JsonHttp(bearerToken);
    }

    /** Calls without a token, as anyone on the internet would make them. */
    static JsonHttp anonymous() {
        return new JsonHttp(null);
    }

    /** GET; 404 is an empty answer, any other status than 200 fails. */
    Optional<JsonNode> find(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(200, response, "GET " + uri));
    }

    /** GET, expecting 200. */
    JsonNode get(URI uri) {
        return expect(200, send(HttpRequest.newBuilder(uri).GET()), "GET " + uri);
    }

    /** GET a text document (e.g. a Prometheus scrape), expecting 200. */
    String text(URI uri) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), "text/plain");
        checkStatus(200, response, "GET " + uri);
        return response.body();
    }

    /** GET, answering only the status: for calls that are expected to be refused. */
    int status(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET()).statusCode();
    }

    /** POST a JSON body, expecting 201 Created. */
    JsonNode post(URI uri, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return expect(201, send(request), "POST " + uri);
    }

    /** PUT a JSON body, expecting 200, or 201 when the PUT created what it names. */
    JsonNode put(URI uri, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = send(request);
        return expect(response.statusCode() == 201 ? 201 : 200, response, "PUT " + uri);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        return send(builder, "application/json");
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String accept) {
        builder.header("Accept", accept).timeout(Duration.ofSeconds(30));
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        HttpRequest request = builder.build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String reason = e instanceof ConnectException ? "nothing answers there" : e.toString();
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private JsonNode expect(int status, HttpResponse<String> response, String call) {
        checkStatus(status, response, call);
        return JSON.readTree(response.body());
    }

    private void checkStatus(int status, HttpResponse<String> response, String call) {
        if (response.statusCode() != status) {
            String refusal = switch (response.statusCode()) {
                case 401 -> bearerToken == null ? " (sent without a token)" : " (the token was not accepted)";
                case 403 -> " (the token's role may not do this)";
                default -> "";
            };
            throw new IllegalStateException(call + " answered " + response.statusCode() + refusal + " (expected " + status + "): "
                    + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
