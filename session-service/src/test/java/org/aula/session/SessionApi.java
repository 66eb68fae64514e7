package org.aula.session;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as a client sees it: status, content type and JSON body, errors included. */
final class SessionApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;

    SessionApi(int port) {
        http = RestClient.builder().baseUrl("http://localhost:" + port).build();
    }

    /** A response; {@code body} is a missing node when there was none. */
    record Response(int status, String contentType, JsonNode body) {
    }

    Response get(String path) {
        return http.get().uri(path).exchange((request, response) -> read(response));
    }

    Response post(String path, String json) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> read(response));
    }

    Response put(String path, String json) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange((request, response) -> read(response));
    }

    Response delete(String path) {
        return http.delete().uri(path).exchange((request, response) -> read(response));
    }

    /** Posts a body of the given content type (e.g. {@code text/csv}), as UTF-8. */
    Response post(String path, String contentType, String body) {
        return http.post().uri(path).contentType(MediaType.parseMediaType(contentType))
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
        return post("/cohorts/" + cohortId + "/sessions/" + sessionId + "/delivery", "");
    }

    Response attend(String cohortId, String sessionId, String participantId, String hours) {
        return put("/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance/" + participantId,
                "{\"hours\":" + hours + "}");
    }

    Response sheet(String cohortId, String sessionId, String csv) {
        return post("/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance", "text/csv", csv);
    }

    Response score(String cohortId, String assessmentCode, String participantId, String score) {
        return put("/cohorts/" + cohortId + "/assessments/" + assessmentCode + "/results/" + participantId,
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
