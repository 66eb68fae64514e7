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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few JSON-over-HTTP calls the demo makes, failing loudly with the service's answer. */
final class JsonHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

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

    /** POST a JSON body, expecting 201 Created. */
    JsonNode post(URI uri, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return expect(201, send(request), "POST " + uri);
    }

    JsonMapper json() {
        return json;
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String reason = e instanceof ConnectException ? "nothing answers there" : e.toString();
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + reason, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private JsonNode expect(int status, HttpResponse<String> response, String call) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(call + " answered " + response.statusCode() + " (expected " + status + "): "
                    + abbreviate(response.body()));
        }
        return json.readTree(response.body());
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
    }
}
