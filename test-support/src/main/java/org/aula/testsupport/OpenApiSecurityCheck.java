package org.aula.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service's OpenAPI document tells a client about itself and about authentication: its title, version
 * and description, whether it declares the bearer scheme, and every operation that is neither public (an empty
 * {@code security}) nor declares the bearer requirement with its roles ({@code x-aula-roles}).
 *
 * @param title               {@code info.title}
 * @param version             {@code info.version}
 * @param description         {@code info.description}
 * @param bearerScheme        whether {@code components.securitySchemes.bearer} is an HTTP bearer scheme
 * @param protectedOperations operations that need a token
 * @param problems            operations that are neither public nor declare the bearer scheme with their roles
 */
public record OpenApiSecurityCheck(String title, String version, String description, boolean bearerScheme,
        int protectedOperations, List<String> problems) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Reads {@code /v3/api-docs} of the service at {@code baseUrl} (e.g. {@code http://localhost:8081}). */
    public static OpenApiSecurityCheck of(String baseUrl) {
        JsonNode document;
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            document = JsonMapper.shared().readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        JsonNode info = document.path("info");
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        int protectedOperations = 0;
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode security = operation.getValue().path("security");
                if (security.isArray() && security.isEmpty()) {
                    continue;
                }
                protectedOperations++;
                if (!security.path(0).path("bearer").isArray() || operation.getValue().path("x-aula-roles").isEmpty()) {
                    problems.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        return new OpenApiSecurityCheck(info.path("title").asString(), info.path("version").asString(),
                info.path("description").asString(), "http".equals(scheme.path("type").asString())
                        && "bearer".equals(scheme.path("scheme").asString()), protectedOperations, List.copyOf(problems));
    }
}
