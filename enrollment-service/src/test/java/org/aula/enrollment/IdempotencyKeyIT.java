package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.enrollment.EventTypes.ENROLLED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.application.IdempotentRequests.InProgress;
import org.aula.enrollment.application.IdempotentRequests.Replay;
import org.aula.enrollment.application.IdempotentRequests.Reserved;
import org.aula.enrollment.application.IdempotentRequests.StoredResponse;
import org.aula.testsupport.ServiceApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotency-Key: a repeat gets the stored answer, a reused key with another request is 422, refusals store nothing. */
@EnrollmentIntegrationTest
class IdempotencyKeyIT extends ApiAndTopic {

    @Autowired
    IdempotentRequests requests;

    @Test
    void aRepeatWithTheSameKeyAndRequestGetsTheStoredAnswerAndRunsNothing() {
        String cohort = api.scheduleCohort("IDEM", 25);
        String key = UUID.randomUUID().toString();
        String path = "/cohorts/" + cohort + "/enrolments";

        Response first = api.post(path, """
                {"name":"Rosita Sho","email":"rosita.sho@police.gov.bz","institutionCode":"POLICE"}
                """, key);
        // The same request: other spacing and member order, same content.
        Response repeat = api.post(path, """
                {"institutionCode" : "POLICE", "email" : "rosita.sho@police.gov.bz", "name" : "Rosita Sho"}
                """, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(repeat.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(stored(key)).isEqualTo(1);

        String sentinel = api.enrol(cohort, "idem", 1).json().get("enrolmentId").asString();
        topic.awaitEvents(cohort, received -> received.stream().anyMatch(event -> event.has("enrolmentId", sentinel)));
        assertThat(topic.of(cohort, ENROLLED)).hasSize(2);
    }

    @Test
    void aKeyIsTheCallersOwnSoAnotherCallerIsNeverAnsweredWhatItStored() {
        String institution = Api.uniqueCatalogueCode("IDEMP");
        String key = UUID.randomUUID().toString();
        String official = """
                {"name":"Rosita Sho","email":"rosita.sho@%s.gov.bz","institutionCode":"%s"}
                """.formatted(institution.toLowerCase(), institution);
        Response first = api.post("/participants", official, key);

        // The same key and request from a caller the operation refuses: refused, not answered the stored name and e-mail.
        Response partner = Api.as(port, org.aula.testsupport.TestTokens.partner(institution)).post("/participants", official, key);
        // From another member of staff: their own key, so the request runs (and finds the person registered).
        Response operations = Api.as(port, org.aula.testsupport.TestTokens.operations()).post("/participants", official, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(partner.status()).isEqualTo(403);
        assertThat(partner.body()).doesNotContain("Rosita");
        assertThat(operations.status()).isEqualTo(200);
        assertThat(operations.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(stored(key)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String cohort = api.scheduleCohort("IDEM", 25);
        String key = UUID.randomUUID().toString();
        api.post("/cohorts/" + cohort + "/enrolments", Api.nominationJson("Elvis Coc", "elvis.coc@police.gov.bz", "POLICE"), key);
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response otherBody = api.post("/cohorts/" + cohort + "/enrolments",
                Api.nominationJson("Carmen Bol", "carmen.bol@police.gov.bz", "POLICE"), key);
        Response otherPath = api.post("/cohorts", Api.cohortJson(Api.uniqueCode("IDEM"), 25), key);

        for (Response refused : List.of(otherBody, otherPath)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asString()).isEqualTo("Idempotency-Key reused");
        }
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);
    }

    @Test
    void aRefusedRequestStoresNothingSoTheKeyCanCarryTheCorrectedRequest() {
        String cohort = api.scheduleCohort("IDEM", 25);
        String key = UUID.randomUUID().toString();
        Map<String, Integer> before = InvalidRequestIT.rowCounts(jdbc);

        Response invalid = api.post("/cohorts/" + cohort + "/enrolments",
                Api.nominationJson("Glenford Young", "glenford.young.police.gov.bz", "POLICE"), key);
        Response unknownCohort = api.post("/cohorts/0f0e0d0c-0b0a-4000-8000-000000000000/enrolments",
                Api.nominationJson("Glenford Young", "glenford.young@police.gov.bz", "POLICE"), UUID.randomUUID().toString());
        Response badKey = api.post("/cohorts/" + cohort + "/enrolments",
                Api.nominationJson("Glenford Young", "glenford.young@police.gov.bz", "POLICE"), "a key with spaces");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(unknownCohort.status()).isEqualTo(404);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.contentType()).startsWith("application/problem+json");
        assertThat(badKey.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(InvalidRequestIT.rowCounts(jdbc)).isEqualTo(before);

        Response corrected = api.post("/cohorts/" + cohort + "/enrolments",
                Api.nominationJson("Glenford Young", "glenford.young@police.gov.bz", "POLICE"), key);
        assertThat(corrected.status()).isEqualTo(201);
    }

    @Test
    void concurrentRepeatsOfOneKeyRunTheRequestOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String code = Api.uniqueCode("IDEM");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> answers = new ArrayList<>();
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> api.post("/cohorts", Api.cohortJson(code, 25), key), pool));
            }
            for (CompletableFuture<Response> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // Each answer is the creation (or its replay) or "in progress"; never a second cohort, never a 409 code clash.
        // (All eight may be 201: when the first completes before the others reserve, they are replays.)
        assertThat(answers).extracting(Response::status).isSubsetOf(201, 409).contains(201);
        assertThat(answers).filteredOn(answer -> answer.status() == 201 && answer.headers().getFirst("Idempotent-Replayed") == null)
                .hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() == 409)
                .allSatisfy(answer -> assertThat(answer.json().get("title").asString()).isEqualTo("Request in progress"));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).extracting(answer -> answer.json().get("id").asString())
                .containsOnly(answers.stream().filter(answer -> answer.status() == 201).findFirst().orElseThrow()
                        .json().get("id").asString());
        assertThat(api.get("/cohorts?code=" + code).json()).hasSize(1);
    }

    @Test
    void aWithdrawalRepeatedWithItsKeyIsReplayed() {
        String cohort = api.scheduleCohort("IDEM", 25);
        String enrolment = api.enrol(cohort, "idem-withdraw", 1).json().get("enrolmentId").asString();
        String key = UUID.randomUUID().toString();

        Response first = api.deleteWithKey("/cohorts/" + cohort + "/enrolments/" + enrolment, key);
        Response repeat = api.deleteWithKey("/cohorts/" + cohort + "/enrolments/" + enrolment, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(repeat.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aRunWhoseKeyWasTakenOverNeitherStoresItsAnswerNorFreesTheKey() {
        String key = "test-subject " + UUID.randomUUID();
        Reserved slow = (Reserved) requests.reserve(key, "request-hash");
        abandoned(key);
        Reserved retry = (Reserved) requests.reserve(key, "request-hash");
        StoredResponse late = new StoredResponse(201, "/late", "application/json", "{\"run\":\"late\"}");
        StoredResponse retried = new StoredResponse(201, "/retried", "application/json", "{\"run\":\"retried\"}");

        // The slow run ends after the retry took the key over: its answer is not stored, its failure frees nothing.
        requests.complete(slow, late);
        assertThat(requests.reserve(key, "request-hash")).isInstanceOf(InProgress.class);
        requests.release(slow);
        assertThat(requests.reserve(key, "request-hash")).isInstanceOf(InProgress.class);

        // The key is the retry's: its answer is the one replayed.
        requests.complete(retry, retried);
        requests.release(slow);
        assertThat(requests.reserve(key, "request-hash")).isEqualTo(new Replay(retried));
    }

    @Test
    void aRetryAfterACrashThatStoredNoAnswerGetsTheCohortTheFirstRunCreated() {
        String code = Api.uniqueCode("IDEM");
        String key = UUID.randomUUID().toString();
        Response first = api.post("/cohorts", Api.cohortJson(code, 25), key);
        assertThat(first.status()).isEqualTo(201);
        crashedBeforeTheAnswerWasStored(key);

        // The client retries after the reservation was abandoned: the code is taken, by this very request.
        Response retry = api.post("/cohorts", Api.cohortJson(code, 25), key);
        Response again = api.post("/cohorts", Api.cohortJson(code, 25), key);
        Response someoneElse = api.post("/cohorts", Api.cohortJson(code, 25), UUID.randomUUID().toString());

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        // Another request for the same code is still refused: only the run that created the cohort answers it.
        assertThat(someoneElse.status()).isEqualTo(409);
        assertThat(someoneElse.json().get("title").asString()).isEqualTo("Cohort code taken");
        assertThat(api.get("/cohorts?code=" + code).json()).hasSize(1);
    }

    @Test
    void aNominationRepeatedAfterTheOfficialWasErasedIsGoneAndTakesNoSecondSeat() {
        String cohort = api.scheduleCohort("IDEM-ERASED", 25);
        String key = UUID.randomUUID().toString();
        String email = "carmen.bol." + UUID.randomUUID().toString().substring(0, 8) + "@police.gov.bz";
        String nomination = Api.nominationJson("Carmen Bol", email, "POLICE");
        Response first = api.post("/cohorts/" + cohort + "/enrolments", nomination, key);
        assertThat(first.status()).isEqualTo(201);
        String participant = first.json().get("participantId").asString();
        assertThat(api.post("/participants/" + participant + "/erasure").status()).isEqualTo(200);

        Response retry = api.post("/cohorts/" + cohort + "/enrolments", nomination, key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(410);
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("title").asString()).isEqualTo("Participant erased");
        assertThat(retry.body()).doesNotContain("Carmen").doesNotContain(email);
        assertThat(api.get("/cohorts/" + cohort).json().get("seatsTaken").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from participant where email = :email").param("email", email)
                .query(Integer.class).single()).isZero();
        // The tombstone keeps the key and nothing of the request: no answer, no hash of the name and address.
        assertThat(jdbc.sql("select count(*) from idempotent_request where idempotency_key like :key and body is null"
                + " and request_hash not like '%' || :participant || '%' and state = 'ERASED'")
                .param("key", "% " + key).param("participant", participant).query(Integer.class).single()).isEqualTo(1);
    }

    /** Ages the key's reservation past {@code in-progress-timeout}, as a run that hangs would. */
    private void abandoned(String key) {
        assertThat(jdbc.sql("update idempotent_request set created_at = now() - interval '1 hour' where idempotency_key = :key")
                .param("key", key).update()).isEqualTo(1);
    }

    /**
     * What a crash between the commit of a request and the storing of its answer leaves: the reservation, without
     * an answer, older than {@code in-progress-timeout}. Rewinds the key's stored answer to that.
     */
    private void crashedBeforeTheAnswerWasStored(String key) {
        int rewound = jdbc.sql("""
                update idempotent_request
                   set state = 'IN_PROGRESS', status = null, location = null, content_type = null, body = null,
                       completed_at = null, created_at = now() - interval '1 hour'
                 where idempotency_key like :key
                """).param("key", "% " + key).update();
        assertThat(rewound).isEqualTo(1);
    }

    private int stored(String key) {
        // Stored under the caller: "<token subject> <key>".
        return jdbc.sql("select count(*) from idempotent_request where idempotency_key like :key and state = 'COMPLETED'")
                .param("key", "% " + key).query(Integer.class).single();
    }
}
