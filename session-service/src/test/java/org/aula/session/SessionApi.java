package org.aula.session;

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

    Response roster(String cohortId) {
        return get("/cohorts/" + cohortId + "/roster");
    }

    Response complete(String cohortId, String participantId, String hoursAttended) {
        return post("/cohorts/" + cohortId + "/completions",
                "{\"participantId\":\"" + participantId + "\",\"hoursAttended\":" + hoursAttended + "}");
    }

    private static Response read(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws java.io.IOException {
        byte[] bytes = response.getBody().readAllBytes();
        MediaType type = response.getHeaders().getContentType();
        JsonNode body = bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
        return new Response(response.getStatusCode().value(), type == null ? "" : type.toString(), body);
    }
}
