package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COURSE_DEFINED;
import static org.aula.enrollment.EventTypes.PROGRAMME_DEFINED;

import java.util.List;
import java.util.Map;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The catalogue and the officials on record over the API: definitions, their events, validation, pages. */
@EnrollmentIntegrationTest
class CatalogueIT extends ApiAndTopic {

    @Test
    void aCourseIsDefinedChangedAndPublishedOnlyWhenSomethingChanged() {
        String code = Api.uniqueCatalogueCode("BMM");
        String course = courseJson(40, "Human rights", "Mixed migration flows");

        Response created = api.put("/courses/" + code, course);
        Response unchanged = api.put("/courses/" + code, course);
        Response changed = api.put("/courses/" + code, courseJson(40, "Human rights", "Mixed migration flows", "Emergencies"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(200);
        String id = created.json().get("id").asString();
        assertThat(changed.json().get("id").asString()).isEqualTo(id);
        assertThat(api.get("/courses/" + code).json().get("topics").valueStream().map(JsonNode::asString))
                .containsExactly("Human rights", "Mixed migration flows", "Emergencies");

        List<Event> events = topic.awaitEvents(id, 2);
        assertThat(events).extracting(Event::type).containsExactly(COURSE_DEFINED, COURSE_DEFINED);
        JsonNode defined = events.get(1).data();
        assertThat(defined.get("courseCode").asString()).isEqualTo(code);
        assertThat(defined.get("title").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(defined.get("hours").asInt()).isEqualTo(40);
        assertThat(defined.get("topics")).hasSize(3);
        assertThat(defined.get("completionRuleRef").asString()).isEqualTo("attendance-80-all-assessments-v1");
    }

    @Test
    void aProgrammeNeedsItsAwardingInstitutionAndCoursesInTheCatalogue() {
        String galen = Api.uniqueCatalogueCode("GALEN");
        String course = Api.uniqueCatalogueCode("BMM");
        String programme = Api.uniqueCatalogueCode("DMM");
        String json = """
                {"title":"Diploma in Migration Management","awardingInstitutionCode":"%s","requiredCourseCodes":["%s"]}
                """.formatted(galen, course);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response refused = api.put("/programmes/" + programme, json);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("awardingInstitutionCode", "requiredCourseCodes[0]");
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        assertThat(api.put("/institutions/" + galen, "{\"name\":\"Galen University\"}").status()).isEqualTo(201);
        assertThat(api.put("/courses/" + course, courseJson(40, "Human rights")).status()).isEqualTo(201);
        Response created = api.put("/programmes/" + programme, json);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("awardingInstitutionCode").asString()).isEqualTo(galen);
        List<Event> events = topic.awaitEvents(created.json().get("id").asString(), 1);
        assertThat(events).extracting(Event::type).containsExactly(PROGRAMME_DEFINED);
        assertThat(events.get(0).data().get("programmeCode").asString()).isEqualTo(programme);
        assertThat(events.get(0).data().get("awardingInstitution").asString()).isEqualTo("Galen University");
        assertThat(events.get(0).data().get("requiredCourseCodes").valueStream().map(JsonNode::asString)).containsExactly(course);
        assertThat(api.get("/programmes/" + programme).json()).isEqualTo(created.json());
    }

    @Test
    void anInstitutionIsDefinedRenamedAndNamesItsPartnerFeed() {
        String code = Api.uniqueCatalogueCode("MHD");

        Response created = api.put("/institutions/" + code, "{\"name\":\"Ministry of Human Development\"}");
        Response renamed = api.put("/institutions/" + code, "{\"name\":\"Ministry of Human Development, Social Transformation\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("partnerFeedTopic").asString()).isEqualTo("partner." + code + ".enrollment");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(api.get("/institutions/" + code).json().get("name").asString())
                .isEqualTo("Ministry of Human Development, Social Transformation");
        assertThat(api.get("/institutions/NO-SUCH-INSTITUTION").status()).isEqualTo(404);
        assertThat(api.put("/institutions/police.dept", "{\"name\":\"Police\"}").status()).isEqualTo(400);
        assertThat(api.put("/institutions/" + code, "{\"name\":\" \"}").status()).isEqualTo(400);
    }

    @Test
    void aCohortOfACatalogueCourseTakesItsTitleAndHoursAndMayNotContradictThem() {
        String course = Api.uniqueCatalogueCode("BMM");
        api.put("/courses/" + course, courseJson(40, "Human rights"));
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response contradicting = api.post("/cohorts", Api.cohortJson(Api.uniqueCode("CAT"), course, "2019-06-10", "2019-06-15",
                25, "").replace("\"courseHours\":40", "\"courseHours\":35"));

        assertThat(contradicting.status()).isEqualTo(400);
        assertThat(contradicting.json().get("errors").get(0).get("field").asString()).isEqualTo("courseHours");
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        Response fromCatalogue = api.post("/cohorts", """
                {"code":"%s","courseCode":"%s","startDate":"2019-06-10","endDate":"2019-06-15","location":"Belmopan",
                 "capacity":25,"facilitator":"Graciela Incer"}
                """.formatted(Api.uniqueCode("CAT"), course));
        assertThat(fromCatalogue.status()).isEqualTo(201);
        assertThat(fromCatalogue.json().get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(fromCatalogue.json().get("courseHours").asInt()).isEqualTo(40);
    }

    @Test
    void anOfficialIsOneRecordPerPersonWithTheirPosition() {
        String institution = Api.uniqueCatalogueCode("POL");
        String email = "constant.pascascio." + institution.toLowerCase() + "@police.gov.bz";

        Response created = api.post("/participants", """
                {"name":"Constant Pascascio","email":"%s","position":"Inspector","institutionCode":"%s"}
                """.formatted(email, institution));
        Response again = api.post("/participants", """
                {"name":"Inspector Constant Pascascio","email":"%s","institutionCode":"%s"}
                """.formatted(email.toUpperCase(), institution));

        assertThat(created.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
        // A nomination without a position keeps the one on record.
        assertThat(again.json().get("position").asString()).isEqualTo("Inspector");
        assertThat(again.json().get("name").asString()).isEqualTo("Inspector Constant Pascascio");
        assertThat(api.get("/participants/" + created.json().get("id").asString()).json().get("email").asString())
                .isEqualTo(email);
        assertThat(api.get("/participants?institutionCode=" + institution).json()).hasSize(1);
        assertThat(api.post("/participants", "{\"name\":\"Elvis Coc\",\"email\":\"elvis\",\"institutionCode\":\"POLICE\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void listsArePagedWithTheTotalAndLinksInHeaders() {
        String cohort = api.scheduleCohort("PAGE", 3);
        for (int n = 1; n <= 7; n++) {
            api.enrol(cohort, "page", n);
        }

        Response first = api.get("/cohorts/" + cohort + "/waitlist?page=0&size=3");
        Response last = api.get("/cohorts/" + cohort + "/waitlist?page=1&size=3");
        Response beyond = api.get("/cohorts/" + cohort + "/waitlist?page=5&size=3");

        assertThat(first.json().valueStream().map(line -> line.get("waitlistPosition").asInt())).containsExactly(1, 2, 3);
        assertThat(last.json().valueStream().map(line -> line.get("waitlistPosition").asInt())).containsExactly(4);
        assertThat(beyond.json()).isEmpty();
        assertThat(first.headers().getFirst("X-Total-Count")).isEqualTo("4");
        assertThat(first.headers().getFirst("Link")).contains("page=1&size=3>; rel=\"next\"").contains("rel=\"last\"");
        assertThat(last.headers().getFirst("Link")).contains("page=0&size=3>; rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(api.get("/cohorts/" + cohort + "/roster").json().valueStream().map(line -> line.get("seatNumber").asInt()))
                .containsExactly(1, 2, 3);
        assertThat(api.get("/cohorts/" + cohort + "/enrolments?status=WAITLISTED&size=2").json()).hasSize(2);

        Response tooBig = api.get("/cohorts/" + cohort + "/enrolments?size=201");
        Response negative = api.get("/cohorts?page=-1");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
        assertThat(tooBig.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("page");
        assertThat(api.get("/cohorts?status=SOMEDAY").status()).isEqualTo(400);
        assertThat(api.get("/cohorts?courseCode=" + api.get("/cohorts/" + cohort).json().get("courseCode").asString()).json())
                .singleElement().satisfies(view -> assertThat(view.get("id").asString()).isEqualTo(cohort));
    }

    private static String courseJson(int hours, String... topics) {
        StringBuilder list = new StringBuilder();
        for (String topic : topics) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(topic).append('"');
        }
        return """
                {"title":"Best Practices in Migration Management","hours":%d,"topics":[%s],
                 "completionRuleRef":"attendance-80-all-assessments-v1"}
                """.formatted(hours, list);
    }
}
