package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.FILLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.enrollment.EventTypes.WAITLISTED;
import static org.aula.testsupport.EventScenario.ofType;
import static org.aula.testsupport.EventScenario.withKey;

import java.util.List;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

@EnrollmentIntegrationTest
class ScheduleAndEnrolIT extends ApiAndTopic {

    @Test
    void schedulingACohortAnswersItsViewAndPublishesCohortScheduled() {
        String code = Api.uniqueCode("BMM");

        Response created = api.post("/cohorts", Api.cohortJson(code, 25));

        assertThat(created.status()).isEqualTo(201);
        JsonNode cohort = created.json();
        String id = cohort.get("id").asString();
        assertThat(created.headers().getLocation()).hasToString("http://localhost:" + port + "/cohorts/" + id);
        assertThat(cohort.get("code").asString()).isEqualTo(code);
        assertThat(cohort.get("courseCode").asString()).isEqualTo(code);
        assertThat(cohort.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(cohort.get("courseHours").asInt()).isEqualTo(40);
        assertThat(cohort.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(cohort.get("endDate").asString()).isEqualTo("2019-05-18");
        assertThat(cohort.get("location").asString()).isEqualTo("Belmopan");
        assertThat(cohort.get("capacity").asInt()).isEqualTo(25);
        assertThat(cohort.get("facilitator").asString()).isEqualTo("Graciela Incer");
        assertThat(cohort.get("seatsTaken").asInt()).isZero();
        assertThat(cohort.get("waitlistLength").asInt()).isZero();
        assertThat(cohort.get("status").asString()).isEqualTo("OPEN");
        assertThat(cohort.get("seatQuotas").isEmpty()).isTrue();

        assertThat(api.get("/cohorts/" + id).json()).isEqualTo(cohort);
        assertThat(api.get("/cohorts?code=" + code).json()).containsExactly(cohort);
        assertThat(api.get("/cohorts?code=NO-SUCH-COHORT").json()).isEmpty();
        assertThat(api.get("/cohorts").json().valueStream().map(each -> each.get("id").asString())).contains(id);

        List<Event> events = topic.awaitEvents(id, 2);
        // Scheduled open: scheduled, then the PLANNED -> OPEN step, so a cohort's status follows from its events.
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS);
        assertThat(events.get(1).data().get("previousStatus").asString()).isEqualTo("PLANNED");
        assertThat(events.get(1).data().get("status").asString()).isEqualTo("OPEN");
        JsonNode data = events.get(0).data();
        assertThat(data.get("cohortId").asString()).isEqualTo(id);
        assertThat(data.get("cohortCode").asString()).isEqualTo(code);
        assertThat(data.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(data.get("courseHours").asInt()).isEqualTo(40);
        assertThat(data.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(data.get("capacity").asInt()).isEqualTo(25);
        assertThat(data.get("facilitator").asString()).isEqualTo("Graciela Incer");
        assertThat(events.get(0).source()).isEqualTo("/aula/enrollment-service");
    }

    @Test
    void refusesASecondCohortWithTheSameCode() {
        String code = Api.uniqueCode("BMM");
        assertThat(api.post("/cohorts", Api.cohortJson(code, 25)).status()).isEqualTo(201);

        Response duplicate = api.post("/cohorts", Api.cohortJson(code, 30));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/cohorts?code=" + code).json()).hasSize(1);
        assertThat(api.get("/cohorts?code=" + code).json().get(0).get("capacity").asInt()).isEqualTo(25);
    }

    @Test
    void enrolmentsTakeSeatsInOrderAndPublishParticipantEnrolled() {
        String cohort = api.scheduleCohort("BMM", 25);

        List<JsonNode> answers = List.of(api.enrol(cohort, "seats", 1), api.enrol(cohort, "seats", 2),
                api.enrol(cohort, "seats", 3)).stream().peek(answer -> assertThat(answer.status()).isEqualTo(201))
                .map(Response::json).toList();

        assertThat(answers).extracting(answer -> answer.get("status").asString()).containsOnly("ENROLLED");
        assertThat(answers).extracting(answer -> answer.get("seatNumber").asInt()).containsExactly(1, 2, 3);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.get("cohortId").asString()).isEqualTo(cohort);
            assertThat(answer.get("waitlistPosition").isNull()).isTrue();
        });
        JsonNode view = api.get("/cohorts/" + cohort).json();
        assertThat(view.get("seatsTaken").asInt()).isEqualTo(3);
        assertThat(view.get("status").asString()).isEqualTo("OPEN");

        List<Event> all = topic.awaitEvents(cohort, 8);
        // Each enrolment is followed, in its transaction, by its institution's counts (no personal data).
        assertThat(all).extracting(Event::type)
                .containsExactly(SCHEDULED, STATUS, ENROLLED, COUNTS, ENROLLED, COUNTS, ENROLLED, COUNTS);
        assertThat(all.get(7).data().get("institutionCode").asString()).isEqualTo("POLICE");
        assertThat(all.get(7).data().get("enrolled").asInt()).isEqualTo(3);
        assertThat(all.get(7).data().get("waitlisted").asInt()).isZero();
        assertThat(all.get(7).data().has("participantName")).isFalse();
        List<Event> events = topic.of(cohort, ENROLLED);
        for (int i = 1; i <= 3; i++) {
            JsonNode enrolled = events.get(i - 1).data();
            JsonNode answer = answers.get(i - 1);
            assertThat(enrolled.get("enrolmentId").asString()).isEqualTo(answer.get("enrolmentId").asString());
            assertThat(enrolled.get("participantId").asString()).isEqualTo(answer.get("participantId").asString());
            assertThat(enrolled.get("participantName").asString()).isEqualTo("Official " + i);
            assertThat(enrolled.get("institutionCode").asString()).isEqualTo("POLICE");
            assertThat(enrolled.get("seatNumber").asInt()).isEqualTo(i);
            assertThat(enrolled.get("seatsTaken").asInt()).isEqualTo(i);
            assertThat(enrolled.get("capacity").asInt()).isEqualTo(25);
            assertThat(enrolled.get("promotedFromWaitlist").asBoolean()).isFalse();
            assertThat(events.get(i - 1).key()).isEqualTo(cohort);
        }
    }

    @Test
    void theSamePersonAgainGetsTheirEnrolmentBackWhateverTheCaseOfTheirAddress() {
        String cohort = api.scheduleCohort("BMM", 25);
        Response first = api.enrol(cohort, "constant.pascascio@police.gov.bz", "Constant Pascascio", "POLICE");

        Response again = api.enrol(cohort, "Constant.Pascascio@POLICE.gov.bz", "Inspector Constant Pascascio", "POLICE");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().getLocation()).hasToString(
                "http://localhost:" + port + "/cohorts/" + cohort + "/enrolments/" + first.json().get("enrolmentId").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(api.get("/cohorts/" + cohort + "/enrolments").json()).singleElement()
                .satisfies(line -> assertThat(line.get("name").asString()).isEqualTo("Inspector Constant Pascascio"));
        assertThat(api.get(first.headers().getLocation().getPath()).json()).isEqualTo(first.json());
    }

    @Test
    void theLastSeatFillsTheCohortOnceAndLaterNominationsWaitInLine() {
        String cohort = api.scheduleCohort("BMM", 2);

        List<Response> answers = List.of(api.enrol(cohort, "fill", 1), api.enrol(cohort, "fill", 2),
                api.enrol(cohort, "fill", 3), api.enrol(cohort, "fill", 4));

        assertThat(answers).extracting(Response::status).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.json().get("status").asString())
                .containsExactly("ENROLLED", "ENROLLED", "WAITLISTED", "WAITLISTED");
        assertThat(answers.get(2).json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(answers.get(3).json().get("waitlistPosition").asInt()).isEqualTo(2);
        assertThat(answers.get(3).json().get("seatNumber").isNull()).isTrue();
        JsonNode view = api.get("/cohorts/" + cohort).json();
        assertThat(view.get("status").asString()).isEqualTo("FULL");
        assertThat(view.get("seatsTaken").asInt()).isEqualTo(2);
        assertThat(view.get("waitlistLength").asInt()).isEqualTo(2);

        JsonNode roster = api.get("/cohorts/" + cohort + "/enrolments").json();
        assertThat(roster.valueStream().map(line -> line.get("name").asString()))
                .containsExactly("Official 1", "Official 2", "Official 3", "Official 4");
        assertThat(roster.get(2).get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(roster.get(0).get("institutionCode").asString()).isEqualTo("POLICE");

        List<Event> events = topic.awaitEvents(withKey(cohort).and(ofType(COUNTS).negate()), received -> received.size() >= 8);
        assertThat(events).extracting(Event::type)
                .containsExactly(SCHEDULED, STATUS, ENROLLED, ENROLLED, FILLED, STATUS, WAITLISTED, WAITLISTED);
        JsonNode filled = events.get(4).data();
        assertThat(filled.get("fillNumber").asInt()).isEqualTo(1);
        assertThat(filled.get("capacity").asInt()).isEqualTo(2);
        JsonNode full = events.get(5).data();
        assertThat(full.get("previousStatus").asString()).isEqualTo("OPEN");
        assertThat(full.get("status").asString()).isEqualTo("FULL");
        assertThat(full.get("reason").asString()).isEqualTo("last of 2 seats taken");
        assertThat(events.get(7).data().get("waitlistPosition").asInt()).isEqualTo(2);
    }

    @Test
    void publishesItsApiAsOpenApi() {
        Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames())
                .contains("/cohorts", "/cohorts/{cohortId}", "/cohorts/{cohortId}/enrolments",
                        "/cohorts/{cohortId}/enrolments/{enrolmentId}", "/cohorts/{cohortId}/nominations",
                        "/cohorts/{cohortId}/roster", "/cohorts/{cohortId}/waitlist", "/cohorts/{cohortId}/open",
                        "/cohorts/{cohortId}/start-delivery", "/cohorts/{cohortId}/complete", "/cohorts/{cohortId}/cancel",
                        "/cohorts/{cohortId}/quotas/{institutionCode}", "/institutions", "/institutions/{code}",
                        "/courses", "/courses/{code}", "/programmes", "/programmes/{code}", "/participants",
                        "/participants/{participantId}", "/offers", "/offers/{offerId}", "/offers/{offerId}/acceptance",
                        "/demo-data");
    }
}
