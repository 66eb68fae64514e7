package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** The REST API: certificates for staff, and verification for anyone holding the paper. */
@CertificationServiceTest
class CertificateApiIT extends ApiAndVerifier {

    private static final List<String> VIEW_FIELDS = List.of("certificateId", "number", "participantId", "holderName",
            "institutionCode", "courseCode", "courseTitle", "courseHours", "cohortId", "cohortCode", "startDate",
            "endDate", "issuedAt", "verificationUrl");

    @Test
    void listsTheCertificatesOfACohortWithWhatTheyAttest() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted pascascio = cohort.completion("Constant Pascascio");
        CourseCompleted chan = cohort.completion("Marisol Chan");
        EventScenario.publish(pascascio, UUID.randomUUID());
        EventScenario.publish(chan, UUID.randomUUID());

        JsonNode certificates = awaitCertificatesOfCohort(cohort, 2);

        assertThat(certificates.findValuesAsString("holderName")).containsExactlyInAnyOrder("Constant Pascascio", "Marisol Chan");
        JsonNode first = certificates.get(0);
        assertThat(first.propertyNames()).containsExactlyElementsOf(VIEW_FIELDS);
        assertThat(first.get("number").asString()).matches("AULA-BMM-2019-\\d{6}");
        assertThat(first.get("institutionCode").asString()).isEqualTo("BZ-POLICE");
        assertThat(first.get("courseCode").asString()).isEqualTo("BMM");
        assertThat(first.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(first.get("courseHours").asInt()).isEqualTo(40);
        assertThat(first.get("cohortId").asString()).isEqualTo(cohort.id());
        assertThat(first.get("cohortCode").asString()).isEqualTo(cohort.code());
        assertThat(first.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(first.get("endDate").asString()).isEqualTo("2019-05-18");
        assertThat(first.get("verificationUrl").asString()).isEqualTo(
                CertificationServiceTest.PUBLIC_BASE_URL + "/certificates/" + first.get("number").asString() + "/verification");
    }

    @Test
    void listsAParticipantsCertificatesAloneOrWithinACohort() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted pascascio = cohort.completion("Constant Pascascio");
        EventScenario.publish(pascascio, UUID.randomUUID());
        EventScenario.publish(cohort.completion("Marisol Chan"), UUID.randomUUID());
        awaitCertificatesOfCohort(cohort, 2);

        JsonNode ofParticipant = api.get(uri -> uri.path("/certificates")
                .queryParam("participantId", pascascio.participantId()).build()).json();
        JsonNode ofParticipantInCohort = api.get(uri -> uri.path("/certificates")
                .queryParam("cohortId", cohort.id()).queryParam("participantId", pascascio.participantId()).build()).json();
        JsonNode ofParticipantInAnotherCohort = api.get(uri -> uri.path("/certificates")
                .queryParam("cohortId", UUID.randomUUID()).queryParam("participantId", pascascio.participantId()).build()).json();

        assertThat(ofParticipant.findValuesAsString("holderName")).containsExactly("Constant Pascascio");
        assertThat(ofParticipantInCohort.findValuesAsString("holderName")).containsExactly("Constant Pascascio");
        assertThat(ofParticipantInAnotherCohort.isArray()).isTrue();
        assertThat(ofParticipantInAnotherCohort.size()).isZero();
    }

    @Test
    void refusesToListWithoutACohortOrAParticipant() {
        Api.Response answer = api.get("/certificates?cohortId=");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("cohortId", "participantId");
    }

    @Test
    void findsACertificateByItsNumber() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        Api.Response answer = api.get("/certificates/{number}", number);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().propertyNames()).containsExactlyElementsOf(VIEW_FIELDS);
        assertThat(answer.json().get("participantId").asString()).isEqualTo(completion.participantId());
        assertThat(answer.json().get("holderName").asString()).isEqualTo("Constant Pascascio");
    }

    @Test
    void answersNotFoundForANumberNeverIssued() {
        Api.Response answer = api.get("/certificates/{number}", "AULA-BMM-2019-999999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
        assertThat(answer.json().get("detail").asString()).contains("AULA-BMM-2019-999999");
    }

    @Test
    void verificationAnswersValidWithTheCertificatesFacts() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        Api.Response answer = verifier.get("/certificates/{number}/verification", number);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode verification = answer.json();
        // The first version's fields in their order; then, added in issue 14, the institution's name
        // and the awarding organisations.
        assertThat(verification.propertyNames()).containsExactly("status", "verificationStatus", "number", "certificateId",
                "holderName", "institutionCode", "courseCode", "courseTitle", "courseHours", "cohortId", "cohortCode",
                "startDate", "endDate", "issuedAt", "institutionName", "awardingOrganisations");
        assertThat(verification.get("institutionName").asString()).as("nobody named BZ-POLICE: its code").isEqualTo("BZ-POLICE");
        assertThat(verification.get("awardingOrganisations").get(0).get("name").asString())
                .as("no awarding defined for BMM: the platform's issuer name").isEqualTo("Aula");
        assertThat(verification.get("status").asString()).isEqualTo("VALID");
        assertThat(verification.get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(verification.get("number").asString()).isEqualTo(number);
        assertThat(verification.get("holderName").asString()).isEqualTo("Constant Pascascio");
        assertThat(verification.get("institutionCode").asString()).isEqualTo("BZ-POLICE");
        assertThat(verification.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(verification.get("courseHours").asInt()).isEqualTo(40);
        assertThat(verification.get("cohortCode").asString()).isEqualTo(cohort.code());
        assertThat(verification.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(verification.get("endDate").asString()).isEqualTo("2019-05-18");
    }

    @Test
    void verificationOfANumberNeverIssuedIsAnRfc9457ProblemSayingUnknown() {
        for (String madeUp : List.of("AULA-BMM-2019-999998", "AULA-FAKE-1999-000001", "not-a-certificate", "not a number")) {
            Api.Response answer = verifier.get("/certificates/{number}/verification", madeUp);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(answer.json().get("status").isNumber()).as("RFC 9457: status is the HTTP status code").isTrue();
            assertThat(answer.json().get("status").asInt()).isEqualTo(404);
            assertThat(answer.json().get("verificationStatus").asString()).isEqualTo("UNKNOWN");
            assertThat(answer.json().get("number").asString()).isEqualTo(madeUp);
            assertThat(answer.json().get("title").asString()).isEqualTo("Certificate unknown");
        }
    }

    @Test
    void documentsTheApiAsOpenApi() {
        Api.Response answer = api.get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("paths").propertyNames())
                .contains("/certificates", "/certificates/{number}", "/certificates/{number}/verification",
                        "/certificates/{number}/credential", "/certificates/{number}/pdf", "/certificates/{number}/revocation",
                        "/verifications", "/.well-known/jwks.json", "/status-lists/{listId}", "/diplomas",
                        "/diplomas/{number}/verification", "/diplomas/progress", "/metrics/completions", "/reports/completions",
                        "/reports/completions.csv", "/reports/completions.pdf");
    }

    private JsonNode awaitCertificatesOfCohort(Cohort cohort, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(uri -> uri.path("/certificates").queryParam("cohortId", cohort.id()).build()).json(),
                        certificates -> certificates.size() == count);
    }

    private String awaitNumberOf(CourseCompleted completion) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(uri -> uri.path("/certificates")
                                .queryParam("participantId", completion.participantId()).build()).json(),
                        certificates -> certificates.size() == 1)
                .get(0).get("number").asString();
    }
}
