package org.aula.session;

import java.nio.charset.StandardCharsets;

import org.aula.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's REST API as a client sees it: status, content type and JSON body, errors included.
 * {@code new SessionApi(port)} is the programme team: a coordinator's token, and a facilitator's for
 * what facilitators do (deliver sessions, record attendance and results); {@link #as} one caller.
 */
final class SessionApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final RestClient http;
    private final RestClient facilitator;

    SessionApi(int port) {
        this(port, TestTokens.coordinator(), TestTokens.facilitator());
    }

    private SessionApi(int port, String token, String facilitatorToken) {
        this.port = port;
        this.http = client(port, token);
        this.facilitator = client(port, facilitatorToken);
    }

    /** The API as one caller with {@code token} (null: no token) for every request. */
    SessionApi as(String token) {
        return new SessionApi(port, token, token);
    }

    private static RestClient client(int port, String token) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://localhost:" + port);
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        }
        return builder.build();
    }

    /** A response; {@code body} is a missing node when there was none. */
    record Response(int status, String contentType, JsonNode body) {
    }

    Response get(String path) {
        return http.get().uri(path).exchange((request, response) -> read(response));
    }

    Response post(String path, String json) {
        return post(http, path, json);
    }

    Response put(String path, String json) {
        return put(http, path, json);
    }

    private static Response post(RestClient client, String path, String json) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> read(response));
    }

    private static Response put(RestClient client, String path, String json) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> read(response));
    }

    Response delete(String path) {
        return http.delete().uri(path).exchange((request, response) -> read(response));
    }

    /** Posts a body of the given content type (e.g. {@code text/csv}), as UTF-8. */
    Response post(String path, String contentType, String body) {
        return post(http, path, contentType, body);
    }

    private static Response post(RestClient client, String path, String contentType, String body) {
        return client.post().uri(path).contentType(MediaType.parseMediaType(contentType))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .exchange((request, response) -> read(response));
    }

    Response roster(String cohortId) {
        return get("/cohorts/" + cohortId + "/roster");
    }

    Response complete(String cohortId, String participantId, String hoursAttended) {
        return post("/cohorts/" + cohortId + "/completions",
                "{\"participantId\":\"" + participantId + "\",\"hoursAttended\":" + hoursAttended + "}");
    }

    Response plan(String cohortId) {
        return get("/cohorts/" + cohortId + "/plan");
    }

    Response deliver(String cohortId, String sessionId) {
        return post(facilitator, "/cohorts/" + cohortId + "/sessions/" + sessionId + "/delivery", "");
    }

    Response attend(String cohortId, String sessionId, String participantId, String hours) {
        return put(facilitator, "/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance/" + participantId,
                "{\"hours\":" + hours + "}");
    }

    Response sheet(String cohortId, String sessionId, String csv) {
        return post(facilitator, "/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance", "text/csv", csv);
    }

    Response score(String cohortId, String assessmentCode, String participantId, String score) {
        return put(facilitator, "/cohorts/" + cohortId + "/assessments/" + assessmentCode + "/results/" + participantId,
                "{\"score\":" + score + "}");
    }

    Response close(String cohortId) {
        return post("/cohorts/" + cohortId + "/delivery/close", "");
    }

    private static Response read(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        MediaType type = response.getHeaders().getContentType();
        JsonNode body = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
        return new Response(response.getStatusCode().value(), type == null ? "" : type.toString(), body);
    }
}
