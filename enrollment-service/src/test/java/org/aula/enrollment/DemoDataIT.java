package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The seed story's programme loads on demand, and loading it again changes nothing. */
@EnrollmentIntegrationTest
class DemoDataIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theSeedStorysProgrammeLoadsOnceAndALaterLoadChangesNothing() {
        Response first = api.post("/demo-data");

        assertThat(first.status()).isEqualTo(200);
        JsonNode may = api.get("/cohorts?code=BMM-2019-05").json().get(0);
        assertThat(may.get("courseCode").asString()).isEqualTo("BMM");
        assertThat(may.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(may.get("courseHours").asInt()).isEqualTo(40);
        assertThat(may.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(may.get("endDate").asString()).isEqualTo("2019-05-18");
        assertThat(may.get("location").asString()).isEqualTo("Belmopan");
        assertThat(may.get("capacity").asInt()).isEqualTo(25);
        assertThat(may.get("facilitator").asString()).isEqualTo("Graciela Incer");
        assertThat(may.get("status").asString()).isEqualTo("OPEN");
        assertThat(api.get("/cohorts?code=BMM-2019-06A").json().get(0).get("startDate").asString()).isEqualTo("2019-06-10");
        assertThat(api.get("/cohorts?code=BMM-2019-06B").json().get(0).get("capacity").asInt()).isEqualTo(25);
        assertThat(api.get("/courses/BMM").json().get("topics")).hasSize(6);
        JsonNode diploma = api.get("/programmes/DMM-GU").json();
        assertThat(diploma.get("title").asString()).isEqualTo("Diploma in Migration Management");
        assertThat(diploma.get("awardingInstitutionCode").asString()).isEqualTo("GALEN");
        assertThat(diploma.get("requiredCourseCodes").get(0).asString()).isEqualTo("BMM");
        for (String[] institution : new String[][] {{"IMMIGRATION", "Department of Immigration"},
                {"POLICE", "Police Department"}, {"MFA", "Ministry of Foreign Affairs"},
                {"MHD", "Ministry of Human Development"}, {"GALEN", "Galen University"}}) {
            assertThat(api.get("/institutions/" + institution[0]).json().get("name").asString()).isEqualTo(institution[1]);
        }
        Map<String, Integer> loaded = InvalidRequestIT.rowCounts(jdbc);

        Response again = api.post("/demo-data");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("institutions").asInt()).isZero();
        assertThat(again.json().get("courses").asInt()).isZero();
        assertThat(again.json().get("programmes").asInt()).isZero();
        assertThat(again.json().get("cohorts").asInt()).isZero();
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(loaded);
        assertThat(api.get("/cohorts?code=BMM-2019-05").json()).hasSize(1);
    }
}
