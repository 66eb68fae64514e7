package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.jsonwebtoken.Claims;
import tools.jackson.databind.JsonNode;

/**
 * Staff revoke a certificate once, with a reason: {@code certificate.revoked} is published, the
 * bit of its entry is set in the signed status list, and verification says REVOKED.
 */
@CertificationServiceTest
class RevocationIT extends ApiAndVerifier {

    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;
    private static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    @AutoClose
    private static EventScenario certificationEvents;

    @BeforeAll
    static void openProbe() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    @Test
    void afterRevocationTheStatusListAndTheVerificationSayRevoked() throws IOException {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted revokedOne = cohort.completion("Constant Pascascio");
        CourseCompleted standingOne = cohort.completion("Marisol Chan");
        EventScenario.publish(revokedOne, UUID.randomUUID());
        EventScenario.publish(standingOne, UUID.randomUUID());
        String number = awaitNumberOf(revokedOne);
        String standingNumber = awaitNumberOf(standingOne);
        String credentialBefore = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();

        Api.Response revocation = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Attendance sheets were signed on behalf of the participant\"}", number);

        assertThat(revocation.status()).isEqualTo(200);
        assertThat(revocation.json().get("verificationStatus").asString()).isEqualTo("REVOKED");
        Api.Response verification = verifier.get("/certificates/{number}/verification", number);
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(verification.json().get("verificationStatus").asString()).isEqualTo("REVOKED");
        assertThat(verification.json().get("revocationReason").asString())
                .isEqualTo("Attendance sheets were signed on behalf of the participant");
        assertThat(verification.json().get("revokedAt").asString()).isNotBlank();
        assertThat(verification.json().get("holderName").asString()).isEqualTo("Constant Pascascio");
        assertThat(verifier.get("/certificates/{number}/verification", standingNumber).json().get("verificationStatus").asString())
                .isEqualTo("VALID");
        assertThat(verifier.post("/verifications", VC_JWT, credentialBefore).json().get("verificationStatus").asString())
                .as("a credential handed out before the revocation").isEqualTo("REVOKED");

        // The status list, read as any verifier would: fetch, check the signature, decode, read the bit.
        Map<String, Object> entry = ThirdPartyVerifier.map(
                ThirdPartyVerifier.verify(credentialBefore, verifier.get("/.well-known/jwks.json").body()).getPayload().get("credentialStatus"));
        Map<String, Object> standingEntry = ThirdPartyVerifier.map(ThirdPartyVerifier.verify(
                api.raw("/certificates/{number}/credential", "application/vc+jwt", standingNumber).body(),
                verifier.get("/.well-known/jwks.json").body()).getPayload().get("credentialStatus"));
        String listUrl = (String) entry.get("statusListCredential");
        assertThat(listUrl).startsWith(BASE + "/status-lists/");
        Api.Response list = verifier.raw(listUrl.substring(BASE.length()), "application/vc+jwt");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.headers().getContentType().toString()).isEqualTo("application/vc+jwt");
        Claims statusList = ThirdPartyVerifier.verify(list.body(), verifier.get("/.well-known/jwks.json").body()).getPayload();
        assertThat(statusList.get("type", List.class)).containsExactly("VerifiableCredential", "BitstringStatusListCredential");
        assertThat(statusList.getId()).isEqualTo(listUrl);
        Map<String, Object> subject = ThirdPartyVerifier.map(statusList.get("credentialSubject"));
        assertThat(subject).containsEntry("type", "BitstringStatusList").containsEntry("statusPurpose", "revocation");
        byte[] bitstring = decode((String) subject.get("encodedList"));
        assertThat(bitstring.length).as("at least 16 KB: 131,072 entries").isGreaterThanOrEqualTo(16_384);
        assertThat(bit(bitstring, Integer.parseInt((String) entry.get("statusListIndex")))).isTrue();
        if (standingEntry.get("statusListCredential").equals(listUrl)) {
            assertThat(bit(bitstring, Integer.parseInt((String) standingEntry.get("statusListIndex")))).isFalse();
        }

        ConsumerRecord<String, byte[]> revoked = await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> certificationEvents.records(record -> isRevocationOf(record, revokedOne.participantId())),
                        records -> !records.isEmpty())
                .get(0);
        JsonNode data = EventScenario.dataOf(revoked);
        assertThat(revoked.key()).isEqualTo(revokedOne.participantId());
        assertThat(data.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(data.get("reason").asString()).isEqualTo("Attendance sheets were signed on behalf of the participant");
        assertThat(data.get("cohortCode").asString()).isEqualTo(cohort.code());
    }

    @Test
    void revokingTwiceIsAConflictAndAnUnknownNumberIsNotFound() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        Api.Response first = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\"Issued in error\"}", number);
        Api.Response second = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\"Again\"}", number);
        Api.Response unknown = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Issued in error\"}", "AULA-BMM-2019-999996");
        Api.Response withoutReason = api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\" \"}", number);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(second.json().get("detail").asString()).contains(number, "already revoked");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(verifier.get("/certificates/{number}/verification", number).json().get("revocationReason").asString())
                .as("the first reason stands").isEqualTo("Issued in error");
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> certificationEvents.records(record -> isRevocationOf(record, completion.participantId())).size() == 1);
    }

    @Test
    void aStatusListNoCertificateWasPlacedInIsNotFound() {
        assertThat(verifier.raw("/status-lists/{listId}", "application/vc+jwt", 999_999).status()).isEqualTo(404);
        assertThat(verifier.raw("/status-lists/{listId}", "application/vc+jwt", "x").status()).isEqualTo(404);
    }

    private String awaitNumberOf(CourseCompleted completion) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(uri -> uri.path("/certificates").queryParam("participantId", completion.participantId()).build())
                        .json(), certificates -> certificates.size() == 1)
                .get(0).get("number").asString();
    }

    private static boolean isRevocationOf(ConsumerRecord<String, byte[]> record, String participantId) {
        IncomingEvent event = IncomingEvent.from(record);
        return event.type().equals(EventCatalog.CERTIFICATE_REVOKED.type()) && participantId.equals(record.key());
    }

    /** {@code encodedList}: multibase prefix u, base64url without padding, GZIP. */
    private static byte[] decode(String encodedList) throws IOException {
        assertThat(encodedList).startsWith("u");
        byte[] compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return gzip.readAllBytes();
        }
    }

    /** Bit {@code index}, counting from the left-most bit of the first byte. */
    private static boolean bit(byte[] bitstring, int index) {
        return (bitstring[index / 8] & (0x80 >>> (index % 8))) != 0;
    }
}
