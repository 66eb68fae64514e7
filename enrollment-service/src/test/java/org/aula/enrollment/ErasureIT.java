package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.ENROLLED;
import static org.aula.enrollment.EventTypes.ERASED;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.ServiceApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Erasure of a participant's personal data, end to end in the service: the participant's row is anonymised in one
 * transaction with the copies in stored answers and the outbox, the enrolments keep ids, seats and statuses,
 * {@code participant.erased} is published once, naming the institutions whose partner feeds carried the person,
 * and the feed router copies it to exactly those feeds; a repeat answers the same and publishes nothing.
 */
@EnrollmentIntegrationTest
class ErasureIT extends ApiAndTopic {

    @Test
    void anErasureAnonymisesThePersonKeepsTheEnrolmentsAndTellsExactlyTheFeedsThatCarriedThemOnce() {
        String police = institution("POLICE");
        String mfa = institution("MFA");
        String mhd = institution("MHD");
        String may = api.scheduleCohort("ERASE-MAY", 1);
        String june = api.scheduleCohort("ERASE-JUNE", 2);
        String email = "constant.pascascio@" + police.toLowerCase() + ".gov.bz";
        String key = UUID.randomUUID().toString();
        // Registered with an Idempotency-Key: the stored answer holds his name and address.
        Response registered = api.post("/participants", """
                {"name":"Constant Pascascio","email":"%s","position":"Inspector","institutionCode":"%s"}
                """.formatted(email, police), key);
        String pascascio = registered.json().get("id").asString();
        // Nominated by the police for May (he takes its only seat), then by the ministry for June.
        String mayEnrolment = enrolled(api.enrol(may, email, "Constant Pascascio", police));
        String juneEnrolment = enrolled(api.enrol(june, email, "Constant Pascascio", mfa));
        String coc = api.get("/cohorts/" + june + "/enrolments/" + enrolled(api.enrol(june,
                "elvis.coc@" + mhd.toLowerCase() + ".gov.bz", "Elvis Coc", mhd))).json().get("participantId").asString();
        topic.awaitEvents(june, events -> events.stream().filter(event -> ENROLLED.equals(event.type())).count() == 2);

        try (EventScenario policeFeed = EventScenario.fromStart(feed(police));
                EventScenario mfaFeed = EventScenario.fromStart(feed(mfa));
                EventScenario mhdFeed = EventScenario.fromStart(feed(mhd))) {
            Response erased = api.post("/participants/" + pascascio + "/erasure");

            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.json().get("participantId").asString()).isEqualTo(pascascio);
            assertThat(erased.json().get("institutionCodes").valueStream().map(code -> code.asString()))
                    .containsExactly(mfa, police);

            // The person: anonymised; the row, its id and its institution stay.
            Map<String, Object> row = jdbc.sql("select * from participant where id = cast(:id as uuid)").param("id", pascascio)
                    .query().singleRow();
            assertThat(row.get("name")).isEqualTo("Erased participant");
            assertThat(row.get("email")).isEqualTo("erased-" + pascascio + "@erased.invalid");
            assertThat(row.get("position")).isNull();
            assertThat(row.get("erased_at")).isNotNull();
            assertThat(row.get("institution_code")).isEqualTo(mfa);
            assertThat(api.get("/participants/" + pascascio).json().get("name").asString()).isEqualTo("Erased participant");

            // The enrolments: as they were, so counts and history stay true.
            assertSeated(api.get("/cohorts/" + may + "/enrolments/" + mayEnrolment), 1);
            assertSeated(api.get("/cohorts/" + june + "/enrolments/" + juneEnrolment), 1);
            assertThat(api.get("/cohorts/" + may).json().get("seatsTaken").asInt()).isEqualTo(1);
            assertThat(api.get("/cohorts/" + may).json().get("status").asString()).isEqualTo("FULL");
            Response roster = api.get("/cohorts/" + may + "/roster");
            assertThat(roster.json().get(0).get("name").asString()).isEqualTo("Erased participant");
            assertThat(roster.json().get(0).get("position").isNull()).isTrue();

            // Copies in the database: the stored answer is gone (a tombstone keeps the key, with no answer and no
            // hash of the request), the outbox payloads carry the placeholder name.
            assertThat(jdbc.sql("select count(*) from idempotent_request where idempotency_key like :key"
                    + " and (body is not null or request_hash <> 'erased' or state <> 'ERASED')")
                    .param("key", "% " + key).query(Integer.class).single()).isZero();
            List<String> payloads = jdbc.sql("select payload from aula_messaging.outbox where payload like :id")
                    .param("id", "%" + pascascio + "%").query(String.class).list();
            assertThat(payloads).hasSizeGreaterThanOrEqualTo(3)
                    .noneMatch(payload -> payload.contains("Pascascio") || payload.contains("pascascio"))
                    .filteredOn(payload -> payload.contains("participantName")).hasSize(2)
                    .allMatch(payload -> payload.contains("Erased participant"));

            // The event, once, keyed by the participant, naming the two institutions; copied to their feeds only.
            Event event = topic.awaitEvents(pascascio, 1).get(0);
            assertThat(event.type()).isEqualTo(ERASED);
            assertThat(event.data().get("institutionCodes").valueStream().map(code -> code.asString()))
                    .containsExactly(mfa, police);
            assertThat(event.data().get("erasedAt").asString()).isEqualTo(erased.json().get("erasedAt").asString());
            for (EventScenario told : List.of(policeFeed, mfaFeed)) {
                List<Event> notices = told.awaitSettled(pascascio, events -> !events.isEmpty());
                assertThat(notices).singleElement().satisfies(notice -> {
                    assertThat(notice.type()).isEqualTo(ERASED);
                    assertThat(notice.id()).isEqualTo(event.id());
                    assertThat(notice.data()).isEqualTo(event.data());
                });
            }

            // Again: the same answer, nothing published.
            Response again = api.post("/participants/" + pascascio + "/erasure");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json()).isEqualTo(erased.json());

            // A sentinel appended after the repeat: once it is out, whatever the repeat appended would be too.
            Response sentinel = api.post("/participants/" + coc + "/erasure");
            assertThat(sentinel.json().get("institutionCodes").valueStream().map(code -> code.asString())).containsExactly(mhd);
            topic.awaitEvents(coc, 1);
            mhdFeed.awaitSettled(coc, events -> events.size() == 1);

            assertThat(topic.of(pascascio, ERASED)).hasSize(1);
            assertThat(policeFeed.of(pascascio)).hasSize(1);
            assertThat(mfaFeed.of(pascascio)).hasSize(1);
            assertThat(mhdFeed.of(pascascio)).isEmpty();
            assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where type = :type and aggregate_id = :id")
                    .param("type", ERASED).param("id", pascascio).query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void theOriginalAddressThenNamesANewPersonAndTheErasedPlaceholderCanBeGivenToNobody() {
        String police = institution("POLICE");
        String cohort = api.scheduleCohort("ERASE-AGAIN", 5);
        String email = "rosita.sho@" + police.toLowerCase() + ".gov.bz";
        String rosita = api.get("/cohorts/" + cohort + "/enrolments/" + enrolled(api.enrol(cohort, email, "Rosita Sho",
                police))).json().get("participantId").asString();
        String placeholder = "erased-" + rosita + "@erased.invalid";

        assertThat(api.post("/participants/" + rosita + "/erasure").json().get("institutionCodes").valueStream()
                .map(code -> code.asString())).containsExactly(police);

        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);
        assertInvalid(api.enrol(cohort, placeholder, "Someone Else", police), "email");
        assertInvalid(api.post("/cohorts/" + cohort + "/nominations", """
                {"institutionCode":"%s","officials":[{"name":"Someone Else","email":"%s"}]}
                """.formatted(police, placeholder.toUpperCase())), "officials[0].email");
        assertInvalid(api.post("/participants", """
                {"name":"Someone Else","email":"%s","institutionCode":"%s"}
                """.formatted(placeholder, police)), "email");
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        // The address is free again: given once more, it is a new person to the service.
        Response again = api.post("/participants", """
                {"name":"Rosita Sho","email":"%s","institutionCode":"%s"}
                """.formatted(email, police));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(rosita);
    }

    @Test
    void onlyProgrammeStaffEraseAndAnUnknownParticipantIsNotFound() {
        String police = institution("POLICE");
        String cohort = api.scheduleCohort("ERASE-WHO", 5);
        String elvis = api.get("/cohorts/" + cohort + "/enrolments/" + enrolled(api.enrol(cohort,
                "elvis.coc@" + police.toLowerCase() + ".gov.bz", "Elvis Coc", police))).json().get("participantId").asString();
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        assertThat(Api.as(port, TestTokens.partner(police)).post("/participants/" + elvis + "/erasure").status()).isEqualTo(403);
        assertThat(Api.as(port, TestTokens.facilitator()).post("/participants/" + elvis + "/erasure").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).post("/participants/" + elvis + "/erasure").status()).isEqualTo(401);
        assertThat(api.post("/participants/" + UUID.randomUUID() + "/erasure").status()).isEqualTo(404);
        assertThat(api.post("/participants/not-an-id/erasure").status()).isEqualTo(404);
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
        assertThat(api.get("/participants/" + elvis).json().get("name").asString()).isEqualTo("Elvis Coc");

        assertThat(Api.as(port, TestTokens.operations()).post("/participants/" + elvis + "/erasure").status()).isEqualTo(200);
    }

    private String institution(String prefix) {
        String code = Api.uniqueCatalogueCode(prefix);
        assertThat(api.put("/institutions/" + code, "{\"name\":\"" + prefix + "\"}").status()).isEqualTo(201);
        return code;
    }

    private static String feed(String institution) {
        return "partner." + institution + ".enrollment";
    }

    private static String enrolled(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("enrolmentId").asString();
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
    }

    private static void assertSeated(Response enrolment, int seat) {
        assertThat(enrolment.status()).isEqualTo(200);
        assertThat(enrolment.json().get("status").asString()).isEqualTo("ENROLLED");
        assertThat(enrolment.json().get("seatNumber").asInt()).isEqualTo(seat);
    }
}
