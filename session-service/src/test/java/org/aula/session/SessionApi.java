package org.aula.session;

import org.aula.testsupport.ServiceApi;
import org.aula.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The session service's REST API ({@link ServiceApi}) with the programme team's calls.
 * {@code new SessionApi(port)} is the programme team: a coordinator's token, and a facilitator's for
 * what facilitators do (deliver sessions, record attendance and results); {@link #as} one caller.
 */
final class SessionApi extends ServiceApi {

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final int port;
    private final ServiceApi facilitator;

    SessionApi(int port) {
        this(port, TestTokens.coordinator(), TestTokens.facilitator());
    }

    private SessionApi(int port, @Nullable String token, @Nullable String facilitatorToken) {
        super(port, token);
        this.port = port;
        this.facilitator = new ServiceApi(port, facilitatorToken);
    }

    /** The API as one caller with {@code token} (null: no token) for every request. */
    SessionApi as(@Nullable String token) {
        return new SessionApi(port, token, token);
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
        return facilitator.post("/cohorts/" + cohortId + "/sessions/" + sessionId + "/delivery", "");
    }

    Response attend(String cohortId, String sessionId, String participantId, String hours) {
        return facilitator.put("/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance/" + participantId,
                "{\"hours\":" + hours + "}");
    }

    Response sheet(String cohortId, String sessionId, String csv) {
        return facilitator.post("/cohorts/" + cohortId + "/sessions/" + sessionId + "/attendance", TEXT_CSV, csv);
    }

    Response score(String cohortId, String assessmentCode, String participantId, String score) {
        return facilitator.put("/cohorts/" + cohortId + "/assessments/" + assessmentCode + "/results/" + participantId,
                "{\"score\":" + score + "}");
    }

    Response close(String cohortId) {
        return post("/cohorts/" + cohortId + "/delivery/close", "");
    }
}
