package org.aula.certification;

import java.net.URI;
import java.util.function.Function;

import org.aula.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's REST API as a client sees it: status, content type, JSON body; errors are answers
 * too. {@code new Api(port)} calls as a programme coordinator; {@link #as} with another token,
 * {@link #anonymous} without one (what a verifier does).
 */
final class Api {

    private final RestClient client;

    /** A programme coordinator's client. */
    Api(int port) {
        this(port, TestTokens.coordinator());
    }

    private Api(int port, @Nullable String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        this.client = builder.build();
    }

    /** A client sending {@code token} (e.g. {@code TestTokens.operations()}). */
    static Api as(int port, String token) {
        return new Api(port, token);
    }

    /** A client without a token, as anyone verifying a certificate calls. */
    static Api anonymous(int port) {
        return new Api(port, null);
    }

    Answer get(String path, Object... variables) {
        return answer(client.get().uri(path, variables));
    }

    Answer get(Function<UriBuilder, URI> uri) {
        return answer(client.get().uri(uri));
    }

    /** A POST with a body of the given media type (JSON text, or a raw VC-JWT). */
    Answer post(String path, MediaType contentType, String body, Object... variables) {
        return answer(client.post().uri(path, variables).contentType(contentType).body(body));
    }

    /** A text resource, such as the Prometheus scrape. */
    String text(String path) {
        return client.get().uri(path).retrieve().body(String.class);
    }

    /** A resource as it comes, with its status and headers: a PDF, or a VC-JWT. */
    Raw raw(String path, String accept, Object... variables) {
        ResponseEntity<byte[]> response = client.get().uri(path, variables).header(HttpHeaders.ACCEPT, accept).retrieve()
                .onStatus(status -> true, (req, res) -> {
                    // every status is an answer to assert on, not an exception
                })
                .toEntity(byte[].class);
        return new Raw(response.getStatusCode().value(), response.getHeaders(),
                response.getBody() == null ? new byte[0] : response.getBody());
    }

    private static Answer answer(RestClient.RequestHeadersSpec<?> request) {
        ResponseEntity<String> response = request.retrieve()
                .onStatus(status -> true, (req, res) -> {
                    // every status is an answer to assert on, not an exception
                })
                .toEntity(String.class);
        String body = response.getBody();
        return new Answer(response.getStatusCode().value(), response.getHeaders().getContentType(),
                body == null ? null : JsonMapper.shared().readTree(body));
    }

    /** One response. */
    record Answer(int status, MediaType contentType, JsonNode body) {
    }

    /** One response, body unparsed. */
    record Raw(int status, HttpHeaders headers, byte[] body) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
