package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Refused requests answer problem+json naming the fields at fault, and write nothing: no rows, no events. */
@EnrollmentIntegrationTest
class InvalidRequestIT {

    private static final String UNKNOWN_COHORT = "0f0e0d0c-0b0a-4000-8000-000000000000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String cohort;

    @BeforeEach
    void cohort() {
        api = new Api(port);
        cohort = api.scheduleCohort("BAD", 25);
    }

    static Stream<Arguments> invalidNominations() {
        return Stream.of(
                Arguments.of("missing fields", "{}", new String[] {"name", "email", "institutionCode"}),
                Arguments.of("bad e-mail", Api.nominationJson("Constant Pascascio", "constant.police.gov.bz", "POLICE"),
                        new String[] {"email"}),
                Arguments.of("e-mail without domain", Api.nominationJson("Constant Pascascio", "constant@police", "POLICE"),
                        new String[] {"email"}),
                Arguments.of("blank name", Api.nominationJson(" ", "constant@police.gov.bz", "POLICE"),
                        new String[] {"name"}),
                Arguments.of("malformed institution code", Api.nominationJson("Constant Pascascio",
                        "constant@police.gov.bz", "Police Dept"), new String[] {"institutionCode"}),
                Arguments.of("wrong type", """
                        {"name":"Constant Pascascio","email":{"address":"constant@police.gov.bz"},"institutionCode":"POLICE"}
                        """, new String[] {"email"}),
                Arguments.of("name too long", Api.nominationJson("x".repeat(201), "constant@police.gov.bz", "POLICE"),
                        new String[] {"name"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNominations")
    void refusesAnInvalidNominationNamingTheFieldsAndWritesNothing(String what, String body, String[] fields) {
        Map<String, Integer> before = rowCounts();

        Response refused = api.post("/cohorts/" + cohort + "/enrolments", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fieldsAtFault(refused.json())).containsExactlyInAnyOrder(fields);
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesMalformedJsonAndWritesNothing() {
        Map<String, Integer> before = rowCounts();

        Response refused = api.post("/cohorts/" + cohort + "/enrolments", "{\"name\": \"Constant Pascascio\", ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Malformed request body");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void refusesABodyThatIsNotJsonAndWritesNothing() {
        Map<String, Integer> before = rowCounts();

        Response refused = api.post("/cohorts/" + cohort + "/enrolments", MediaType.TEXT_PLAIN, "name=Constant");

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(rowCounts()).isEqualTo(before);
    }

    @Test
    void aNominationForAnUnknownCohortIsNotFoundAndWritesNothing() {
        Map<String, Integer> before = rowCounts();

        Response unknown = api.enrol(UNKNOWN_COHORT, "nowhere", 1);
        Response malformedId = api.enrol("BMM-2019-05", "nowhere", 2);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(malformedId.status()).isEqualTo(404);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(api.get("/cohorts/" + UNKNOWN_COHORT).status()).isEqualTo(404);
        assertThat(api.get("/cohorts/" + UNKNOWN_COHORT + "/enrolments").status()).isEqualTo(404);
    }

    static Stream<Arguments> invalidCohorts() {
        String valid = Api.cohortJson("BAD-COHORT", "BAD-COURSE", "2019-05-13", "2019-05-18", 25, "");
        return Stream.of(
                Arguments.of("missing fields", "{}", new String[] {"code", "courseCode",
                        "startDate", "endDate", "location", "capacity", "facilitator"}),
                Arguments.of("a course the catalogue does not have, without title and hours",
                        valid.replace("\"courseTitle\":\"Best Practices in Migration Management\",", "")
                                .replace("\"courseHours\":40,", ""), new String[] {"courseTitle", "courseHours"}),
                Arguments.of("lower-case course code", valid.replace("BAD-COURSE", "bad-course"), new String[] {"courseCode"}),
                Arguments.of("a status other than PLANNED or OPEN", Api.cohortJson("BAD-COHORT", "BAD-COURSE", "2019-05-13",
                        "2019-05-18", 25, ",\"status\":\"FULL\""), new String[] {"status"}),
                Arguments.of("a quota beyond the seats", Api.cohortJson("BAD-COHORT", "BAD-COURSE", "2019-05-13",
                        "2019-05-18", 25, ",\"seatQuotas\":{\"POLICE\":26}"), new String[] {"seatQuotas.POLICE"}),
                Arguments.of("a quota for a malformed institution code", Api.cohortJson("BAD-COHORT", "BAD-COURSE",
                        "2019-05-13", "2019-05-18", 25, ",\"seatQuotas\":{\"police dept\":2}"), new String[] {"seatQuotas"}),
                Arguments.of("no seats", valid.replace("\"capacity\":25", "\"capacity\":0"), new String[] {"capacity"}),
                Arguments.of("too many seats", valid.replace("\"capacity\":25", "\"capacity\":501"), new String[] {"capacity"}),
                Arguments.of("no hours", valid.replace("\"courseHours\":40", "\"courseHours\":0"), new String[] {"courseHours"}),
                Arguments.of("too many hours", valid.replace("\"courseHours\":40", "\"courseHours\":1001"),
                        new String[] {"courseHours"}),
                Arguments.of("ends before it starts", valid.replace("\"endDate\":\"2019-05-18\"", "\"endDate\":\"2019-05-12\""),
                        new String[] {"endDate"}),
                Arguments.of("lower-case code", valid.replace("BAD-COHORT", "bad-cohort"), new String[] {"code"}),
                Arguments.of("wrong type", valid.replace("\"capacity\":25", "\"capacity\":\"many\""), new String[] {"capacity"}),
                Arguments.of("not a date", valid.replace("2019-05-13", "13 May 2019"), new String[] {"startDate"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCohorts")
    void refusesAnInvalidCohortNamingTheFieldsAndWritesNothing(String what, String body, String[] fields) {
        Map<String, Integer> before = rowCounts();

        Response refused = api.post("/cohorts", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fieldsAtFault(refused.json())).containsExactlyInAnyOrder(fields);
        assertThat(rowCounts()).isEqualTo(before);
    }

    private static Stream<String> fieldsAtFault(JsonNode problem) {
        JsonNode errors = problem.get("errors");
        assertThat(errors).as("errors of %s", problem).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString());
    }

    private Map<String, Integer> rowCounts() {
        return rowCounts(jdbc);
    }

    /** Rows of every table a request could write to, and of the outbox (what would reach the topics). */
    static Map<String, Integer> rowCounts(JdbcClient jdbc) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String table : List.of("cohort", "cohort_quota", "participant", "enrolment", "seat_offer", "institution",
                "course", "programme", "idempotent_request", "aula_messaging.outbox")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Integer.class).single());
        }
        return counts;
    }

}
