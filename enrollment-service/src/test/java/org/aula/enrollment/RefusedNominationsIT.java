package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.COUNTS;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.SCHEDULED;
import static org.aula.enrollment.EventTypes.STATUS;
import static org.aula.testsupport.EventScenario.ofType;
import static org.aula.testsupport.EventScenario.withKey;

import java.util.List;
import java.util.Map;

import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;

/**
 * Nominations the cohort's state refuses (unknown cohort, a cohort not taking nominations, an institution over
 * its quota, a malformed batch) answer a clear problem+json and leave no trace: no row in the database, no
 * event on the topic (checked with a sentinel: a later valid nomination's events arrive with nothing before them).
 */
@EnrollmentIntegrationTest
class RefusedNominationsIT extends ApiAndTopic {

    @Test
    void aCohortThatTakesNoNominationsRefusesThemAndNothingIsWrittenOrPublished() {
        String planned = api.scheduleCohort("CLOSED", "CLOSED-P", "2019-05-13", "2019-05-18", 5, ",\"status\":\"PLANNED\"");
        String delivering = api.scheduleCohort("CLOSED", 5);
        api.enrol(delivering, "closed", 1);
        assertThat(api.post("/cohorts/" + delivering + "/start-delivery").status()).isEqualTo(200);
        String cancelled = api.scheduleCohort("CLOSED", 5);
        assertThat(api.post("/cohorts/" + cancelled + "/cancel").status()).isEqualTo(200);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        for (String cohort : List.of(planned, delivering, cancelled)) {
            Response refused = api.enrol(cohort, "closed", 2);

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Cohort not taking nominations");
            assertThat(refused.json().get("detail").asString()).containsAnyOf("PLANNED", "IN_DELIVERY", "CANCELLED");
        }
        Response batch = api.post("/cohorts/" + planned + "/nominations", batch("POLICE", "closed", 3, 4));
        assertThat(batch.status()).isEqualTo(409);

        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from participant where email like '%.closed@gov.bz' and email <> :first")
                .param("first", Api.email("closed", 1)).query(Integer.class).single()).isZero();
        // Open the planned cohort: the sentinel's events follow its own scheduling and opening, nothing else.
        assertThat(api.post("/cohorts/" + planned + "/open").status()).isEqualTo(200);
        api.enrol(planned, "closed", 5);
        List<Event> events = topic.awaitEvents(withKey(planned).and(ofType(COUNTS).negate()), received -> received.stream().anyMatch(e -> ENROLLED.equals(e.type())));
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED);
        assertThat(events.get(2).data().get("participantName").asString()).isEqualTo("Official 5");
    }

    @Test
    void anInstitutionOverItsQuotaIsRefusedWholeAndOthersAreNot() {
        String cohort = api.scheduleCohort("QUOTA", "QUOTA-C", "2019-05-13", "2019-05-18", 10,
                ",\"seatQuotas\":{\"POLICE\":2}");
        assertThat(api.get("/cohorts/" + cohort).json().get("seatQuotas").get("POLICE").asInt()).isEqualTo(2);
        assertThat(api.enrol(cohort, "quota", 1).status()).isEqualTo(201);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        // One place left for POLICE: a batch of two is refused as a whole, neither official is placed.
        Response batch = api.post("/cohorts/" + cohort + "/nominations", batch("POLICE", "quota", 2, 3));

        assertThat(batch.status()).isEqualTo(409);
        assertThat(batch.contentType()).startsWith("application/problem+json");
        assertThat(batch.json().get("title").asString()).isEqualTo("Institution quota exhausted");
        assertThat(batch.json().get("detail").asString()).contains("POLICE may hold 2 places").contains("holds 1");
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        assertThat(api.enrol(cohort, "quota", 2).status()).isEqualTo(201);
        Response third = api.enrol(cohort, "quota", 3);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("title").asString()).isEqualTo("Institution quota exhausted");
        // Another institution is not limited by POLICE's quota; the same person again is answered, not refused.
        assertThat(api.enrol(cohort, Api.email("quota-mfa", 1), "Lisbeth Moguel", "MFA").status()).isEqualTo(201);
        assertThat(api.enrol(cohort, "quota", 2).status()).isEqualTo(200);

        List<Event> events = topic.awaitEvents(cohort, received -> received.stream()
                .filter(e -> ENROLLED.equals(e.type())).count() == 3);
        assertThat(events).extracting(Event::type).containsExactly(SCHEDULED, STATUS, ENROLLED, COUNTS, ENROLLED, COUNTS,
                ENROLLED, COUNTS);
        assertThat(events.get(5).data().get("enrolled").asInt()).isEqualTo(2);
        assertThat(events.get(7).data().get("institutionCode").asString()).isEqualTo("MFA");
    }

    @Test
    void aQuotaCanBeSetLoweredAndRemovedOnAnOpenCohort() {
        String cohort = api.scheduleCohort("QUOTA", 10);
        api.enrol(cohort, "setquota", 1);
        api.enrol(cohort, "setquota", 2);

        Response lowered = api.put("/cohorts/" + cohort + "/quotas/POLICE", "{\"places\":1}");

        assertThat(lowered.status()).isEqualTo(200);
        assertThat(lowered.json().get("seatQuotas").get("POLICE").asInt()).isEqualTo(1);
        assertThat(api.enrol(cohort, "setquota", 3).status()).isEqualTo(409);
        assertThat(api.get("/cohorts/" + cohort + "/roster").json()).hasSize(2);
        assertThat(api.put("/cohorts/" + cohort + "/quotas/POLICE", "{\"places\":11}").status()).isEqualTo(400);
        assertThat(api.put("/cohorts/" + cohort + "/quotas/POLICE", "{}").status()).isEqualTo(400);
        assertThat(api.delete("/cohorts/" + cohort + "/quotas/POLICE").json().get("seatQuotas").isEmpty()).isTrue();
        assertThat(api.enrol(cohort, "setquota", 3).status()).isEqualTo(201);
    }

    @Test
    void aMalformedBatchIsRefusedNamingTheOfficialAtFault() {
        String cohort = api.scheduleCohort("BATCH", 10);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response badEmail = api.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"MHD","officials":[{"name":"Tanya Núñez","email":"tanya@mhd.gov.bz"},
                                                      {"name":"Abner Mai","email":"abner.mhd.gov.bz"}]}
                """);
        Response twice = api.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"MHD","officials":[{"name":"Tanya Núñez","email":"tanya@mhd.gov.bz"},
                                                      {"name":"Tanya Nunez","email":"TANYA@mhd.gov.bz"}]}
                """);
        Response empty = api.post("/cohorts/" + cohort + "/nominations", "{\"institutionCode\":\"MHD\",\"officials\":[]}");
        Response unknown = api.post("/cohorts/0f0e0d0c-0b0a-4000-8000-000000000000/nominations", batch("MHD", "batch", 1, 2));

        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("officials[1].email");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asString()).isEqualTo("officials[1].email");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("officials");
        assertThat(unknown.status()).isEqualTo(404);
        for (Response refused : List.of(badEmail, twice, empty, unknown)) {
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void aBatchPlacesOfficialsInTheOrderGivenAndAnswersThoseAlreadyIn() {
        String cohort = api.scheduleCohort("BATCH", 3);
        String already = api.enrol(cohort, "order", 2).json().get("enrolmentId").asString();

        Response placed = api.post("/cohorts/" + cohort + "/nominations", batch("POLICE", "order", 1, 2, 3, 4));

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("created").asInt()).isEqualTo(3);
        List<String> lines = placed.json().get("enrolments").valueStream()
                .map(line -> line.get("status").asString() + ":" + line.get("created").asBoolean()).toList();
        assertThat(lines).containsExactly("ENROLLED:true", "ENROLLED:false", "ENROLLED:true", "WAITLISTED:true");
        assertThat(placed.json().get("enrolments").get(1).get("enrolmentId").asString()).isEqualTo(already);
        assertThat(placed.json().get("enrolments").get(3).get("waitlistPosition").asInt()).isEqualTo(1);
        Response again = api.post("/cohorts/" + cohort + "/nominations", batch("POLICE", "order", 1, 2, 3, 4));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
    }

    private static String batch(String institution, String tag, int... officials) {
        StringBuilder json = new StringBuilder("{\"institutionCode\":\"" + institution + "\",\"officials\":[");
        for (int i = 0; i < officials.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"name\":\"Official ").append(officials[i]).append("\",\"email\":\"")
                    .append(Api.email(tag, officials[i])).append("\",\"position\":\"Officer\"}");
        }
        return json.append("]}").toString();
    }
}
