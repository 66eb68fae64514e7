package org.aula.testsupport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's REST API over real HTTP as a test client sees it: every status is an answer to assert on, never an
 * exception. Requests carry the bearer token the client was made with ({@link TestTokens}), or none.
 */
public class ServiceApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    /** A client on {@code localhost:port} sending {@code token} (from {@link TestTokens}; null: no token). */
    public ServiceApi(int port, @Nullable String token) {
        // The JDK's client, whatever else is on the classpath: RestClient would pick Apache HttpClient 5 when a service
        // has it (enrollment-service delivers webhooks with it), whose pool allows 5 connections per route, and a
        // test's concurrent requests would queue in the client instead of reaching the service.
        RestClient.Builder builder = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        this.http = builder.build();
    }

    private ServiceApi(RestClient http) {
        this.http = http;
    }

    /** The same client sending one more header on every request (e.g. {@code Idempotency-Key}, {@code Accept}). */
    public ServiceApi with(String header, String value) {
        return new ServiceApi(http.mutate().defaultHeader(header, value).build());
    }

    /** A GET; {@code path} may be a URI template filled from {@code variables}. */
    public Response get(String path, Object... variables) {
        return answer(http.get().uri(path, variables));
    }

    /** A GET of a URI built from the base URL (e.g. with query parameters). */
    public Response get(Function<UriBuilder, URI> uri) {
        return answer(http.get().uri(uri));
    }

    /** A POST without a body. */
    public Response post(String path) {
        return answer(http.post().uri(path));
    }

    public Response post(String path, String json) {
        return post(path, MediaType.APPLICATION_JSON, json);
    }

    /** A POST of {@code body} as UTF-8 in the given content type (JSON, CSV, a raw VC-JWT...). */
    public Response post(String path, MediaType contentType, String body, Object... variables) {
        return answer(http.post().uri(path, variables).contentType(contentType).body(utf8(body)));
    }

    public Response put(String path, String json) {
        return answer(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(utf8(json)));
    }

    public Response delete(String path) {
        return answer(http.delete().uri(path));
    }

    private static byte[] utf8(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static Response answer(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((sent, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
                response.getBody().readAllBytes()));
    }

    /** One response: status, headers and the body as it came; {@link #body} and {@link #json} read it. */
    public record Response(int status, HttpHeaders headers, byte[] bytes) {

        /** The body as UTF-8 text ("" when there was none). */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** The body as JSON; a missing node when there was none. */
        public JsonNode json() {
            return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
        }

        /** The content type as sent, "" when there was none. */
        public String contentType() {
            MediaType type = headers.getContentType();
            return type == null ? "" : type.toString();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body();
        }
    }
}
