package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.certification.signing.SigningKeys;
import org.aula.certification.domain.SigningKeyStore;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.security.SignatureException;
import tools.jackson.databind.JsonNode;

/**
 * Each certificate as a signed Open Badges 3.0 credential, checked by a third party with the
 * published keys alone; tampered, expired and rotated-key credentials; the printable PDF.
 */
@CertificationServiceTest
class CredentialIT extends ApiAndVerifier {

    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    SigningKeyStore signingKeyStore;
    @Autowired
    CertificationProperties properties;

    @Test
    void aCredentialVerifiesWithThePublishedKeysAloneInAnotherLibrary() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        JsonNode certificate = awaitCertificateOf(completion);
        String number = certificate.get("number").asString();

        Api.Response credential = api.raw("/certificates/{number}/credential", "application/vc+jwt", number);
        String publishedKeys = verifier.get("/.well-known/jwks.json").body();
        Jws<Claims> verified = ThirdPartyVerifier.verify(credential.body(), publishedKeys);

        assertThat(credential.status()).isEqualTo(200);
        assertThat(credential.headers().getContentType().toString()).isEqualTo("application/vc+jwt");
        assertThat(verified.getHeader().getAlgorithm()).isEqualTo("ES256");
        assertThat(verified.getHeader().getType()).isEqualTo("vc+jwt");
        assertThat(publishedKeys).contains(verified.getHeader().getKeyId()).doesNotContain("\"d\"");
        Claims claims = verified.getPayload();
        assertThat(claims.get("@context", List.class)).containsExactly("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
        assertThat(claims.get("type", List.class)).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        assertThat(claims.getId()).isEqualTo(claims.get("id")).isEqualTo("urn:uuid:" + certificate.get("certificateId").asString());
        Map<String, Object> issuer = ThirdPartyVerifier.map(claims.get("issuer"));
        assertThat(claims.getIssuer()).isEqualTo(issuer.get("id")).isEqualTo(BASE + "/issuer");
        assertThat(issuer).containsEntry("type", List.of("Profile")).containsEntry("name", "Aula");
        assertThat(claims.getNotBefore().toInstant()).isEqualTo(Instant.parse((String) claims.get("validFrom")));
        assertThat(claims.getExpiration()).as("no validity period configured").isNull();
        Map<String, Object> subject = ThirdPartyVerifier.map(claims.get("credentialSubject"));
        assertThat(claims.getSubject()).isEqualTo(subject.get("id")).isEqualTo("urn:aula:participant:" + completion.participantId());
        assertThat(subject.get("type")).isEqualTo(List.of("AchievementSubject"));
        assertThat(ThirdPartyVerifier.map(((List<?>) subject.get("identifier")).get(0)))
                .containsEntry("identityType", "name").containsEntry("identityHash", "Constant Pascascio");
        Map<String, Object> achievement = ThirdPartyVerifier.map(subject.get("achievement"));
        assertThat(achievement).containsEntry("type", List.of("Achievement"))
                .containsEntry("name", "Best Practices in Migration Management");
        assertThat((String) ThirdPartyVerifier.map(achievement.get("criteria")).get("narrative"))
                .contains("40-hour", "attendance-80-v1");
        Map<String, Object> status = ThirdPartyVerifier.map(claims.get("credentialStatus"));
        assertThat(status).containsEntry("type", "BitstringStatusListEntry").containsEntry("statusPurpose", "revocation");
        assertThat((String) status.get("statusListCredential")).startsWith(BASE + "/status-lists/");
        assertThat((String) status.get("statusListIndex")).matches("\\d+");
    }

    @Test
    void theServiceVerifiesAPresentedCredentialAndATamperedOneIsInvalid() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitCertificateOf(completion).get("number").asString();
        String token = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        String tampered = ThirdPartyVerifier.tampered(token, "Constant Pascascio", "Constance Pascascio");

        Api.Response genuine = verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), token);
        Api.Response genuineAsJson = verifier.post("/verifications", MediaType.APPLICATION_JSON, "{\"credential\":\"" + token + "\"}");
        Api.Response forged = verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), tampered);
        Api.Response garbage = verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), "not.a-token");

        assertThat(genuine.status()).isEqualTo(200);
        assertThat(genuine.json().get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(genuine.json().get("number").asString()).isEqualTo(number);
        assertThat(genuine.json().get("holderName").asString()).isEqualTo("Constant Pascascio");
        assertThat(genuineAsJson.json().get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.json().get("verificationStatus").asString()).isEqualTo("INVALID");
        assertThat(forged.json().get("reason").asString()).contains("signature");
        assertThat(garbage.json().get("verificationStatus").asString()).isEqualTo("INVALID");
        assertThatThrownBy(() -> ThirdPartyVerifier.verify(tampered, verifier.get("/.well-known/jwks.json").body()))
                .as("the other library refuses it too").isInstanceOf(SignatureException.class);
    }

    @Test
    void aCredentialPastItsValidityIsExpiredForTheServiceAndForTheOtherLibrary() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitCertificateOf(completion).get("number").asString();
        // As if issued under a validity period that has run out since.
        jdbc.sql("update certificate set valid_until = issued_at + interval '1 second' where number = ?").params(number).update();
        await().atMost(Duration.ofSeconds(5)).until(() -> verifier.get("/certificates/{number}/verification", number)
                .json().get("verificationStatus").asString().equals("EXPIRED"));

        Api.Response verification = verifier.get("/certificates/{number}/verification", number);
        String token = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        Api.Response presented = verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), token);

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(verification.json().has("validUntil")).isTrue();
        assertThat(ThirdPartyVerifier.payload(token).has("validUntil")).isTrue();
        assertThat(presented.json().get("verificationStatus").asString()).isEqualTo("EXPIRED");
        assertThatThrownBy(() -> ThirdPartyVerifier.verify(token, verifier.get("/.well-known/jwks.json").body()))
                .isInstanceOf(ExpiredJwtException.class);
    }

    @Test
    void afterKeyRotationOldAndNewCredentialsVerifyAndTheKeyOutlivesARestart() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitCertificateOf(completion).get("number").asString();
        String before = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();

        Api.Response rotated = Api.as(port, TestTokens.operations()).post("/actuator/signingkeys", MediaType.APPLICATION_JSON, "{}");
        String after = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        String publishedKeys = verifier.get("/.well-known/jwks.json").body();

        assertThat(rotated.status()).isEqualTo(200);
        String oldKid = ThirdPartyVerifier.verify(before, publishedKeys).getHeader().getKeyId();
        String newKid = ThirdPartyVerifier.verify(after, publishedKeys).getHeader().getKeyId();
        assertThat(newKid).isNotEqualTo(oldKid).isEqualTo(rotated.json().get("active").asString());
        assertThat(verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), before)
                .json().get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(Api.as(port, TestTokens.operations()).get("/actuator/signingkeys").json().findValuesAsString("kid")).contains(oldKid, newKid);
        // A restart reads the stored key instead of generating another.
        SigningKeys restarted = new SigningKeys(properties, signingKeyStore, Clock.systemUTC());
        assertThat(restarted.active().getKeyID()).isEqualTo(signingKeys.active().getKeyID()).isEqualTo(newKid);
    }

    @Test
    void aCredentialCanBeFetchedAsJsonToo() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitCertificateOf(completion).get("number").asString();

        Api.Response answer = api.raw("/certificates/{number}/credential", "application/json", number);
        JsonNode body = tools.jackson.databind.json.JsonMapper.shared().readTree(answer.body());

        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(body.get("id").asString()).isEqualTo(number);
        assertThat(body.get("mediaType").asString()).isEqualTo("application/vc+jwt");
        assertThat(ThirdPartyVerifier.verify(body.get("jwt").asString(), verifier.get("/.well-known/jwks.json").body())
                .getPayload().get("name")).isEqualTo("Best Practices in Migration Management");
    }

    @Test
    void thePrintableCertificateCarriesTheFactsAndTheVerificationUrl() throws IOException {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitCertificateOf(completion).get("number").asString();

        Api.Response pdf = api.raw("/certificates/{number}/pdf", "application/pdf", number);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdf.headers().getContentDisposition().getFilename()).isEqualTo(number + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Constant Pascascio",
                    "Best Practices in Migration Management", "40 hours", cohort.code(), "13 May 2019", "18 May 2019",
                    "BZ-POLICE", number, BASE + "/certificates/" + number + "/verification");
        }
        assertThat(api.raw("/certificates/{number}/pdf", "application/pdf", "AULA-BMM-2019-999997").status()).isEqualTo(404);
    }

    private JsonNode awaitCertificateOf(CourseCompleted completion) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get(uri -> uri.path("/certificates")
                                .queryParam("participantId", completion.participantId()).build()).json(),
                        certificates -> certificates.size() == 1)
                .get(0);
    }
}
