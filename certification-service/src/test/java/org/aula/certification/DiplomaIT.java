package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.EventCatalog;
import org.aula.events.ProgrammeDefined;
import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.jsonwebtoken.Claims;
import tools.jackson.databind.JsonNode;

/**
 * One diploma per programme and participant, once they hold unrevoked certificates for every
 * required course, whether the programme is defined before or after the last certificate.
 */
@CertificationServiceTest
class DiplomaIT extends ApiAndVerifier {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @AutoClose
    private static EventScenario certificationEvents;
    @AutoClose
    private static EventScenario enrollmentDeadLetters;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openProbes() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
        enrollmentDeadLetters = EventScenario.fromStart(Topics.deadLetterOf(Topics.ENROLLMENT));
    }

    @Test
    void theLastCertificateOfADefinedProgrammeAwardsItsDiplomaOnce() {
        Programme programme = aProgramme();
        EventScenario.publish(programme.defined(), UUID.randomUUID());
        await().atMost(ARRIVAL).until(() -> programmeKept(programme.id()));
        String pascascio = UUID.randomUUID().toString();
        String chan = UUID.randomUUID().toString();

        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        EventScenario.publish(programme.first().completion(chan, "Marisol Chan", hourAgo()), UUID.randomUUID());
        awaitCertificates(pascascio, 1);
        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());

        JsonNode diploma = awaitDiplomaOf(pascascio);
        assertThat(diploma.get("number").asString()).matches("AULA-DIPLOMA-" + programme.code() + "-\\d{4}-\\d{6}");
        assertThat(diploma.get("programmeTitle").asString()).isEqualTo(programme.title());
        assertThat(diploma.get("awardingInstitution").asString()).isEqualTo("University of Belize");
        assertThat(diploma.get("holderName").asString()).isEqualTo("Constant Pascascio");
        assertThat(diploma.get("certificateNumbers").size()).isEqualTo(2);
        assertOneDiplomaAwardedEventFor(pascascio, diploma.get("number").asString());
        assertThat(api.get(uri -> uri.path("/diplomas").queryParam("participantId", chan).build()).json().size())
                .as("one course of two earns nothing").isZero();
    }

    @Test
    void aProgrammeDefinedAfterTheCertificatesAwardsItsDiplomaOnceHoweverOftenDelivered() {
        Programme programme = aProgramme();
        String pascascio = UUID.randomUUID().toString();
        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        awaitCertificates(pascascio, 2);
        assertThat(api.get(uri -> uri.path("/diplomas").queryParam("participantId", pascascio).build()).json().size()).isZero();

        var record = CloudEventRecords.of(programme.defined(), UUID.randomUUID(), "/aula/enrollment-service", Instant.now());
        EventScenario.publish(record);
        EventScenario.publish(record);
        EventScenario.publish(programme.defined(), UUID.randomUUID());

        JsonNode diploma = awaitDiplomaOf(pascascio);
        assertOneDiplomaAwardedEventFor(pascascio, diploma.get("number").asString());
        assertThat(api.get(uri -> uri.path("/diplomas").queryParam("participantId", pascascio).build()).json().size()).isEqualTo(1);
    }

    @Test
    void aRevokedCertificateDoesNotCountTowardsADiploma() {
        Programme programme = aProgramme();
        String pascascio = UUID.randomUUID().toString();
        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        JsonNode certificates = awaitCertificates(pascascio, 2);
        api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\"Issued in error\"}",
                certificates.get(1).get("number").asString());

        EventScenario.publish(programme.defined(), UUID.randomUUID());

        await().atMost(ARRIVAL).until(() -> programmeKept(programme.id()));
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> isDiplomaAwardedTo(record, pascascio)).isEmpty());
        assertThat(api.get(uri -> uri.path("/diplomas").queryParam("participantId", pascascio).build()).json().size()).isZero();
    }

    @Test
    void aDiplomaVerifiesByNumberAndAsASignedCredential() {
        Programme programme = aProgramme();
        EventScenario.publish(programme.defined(), UUID.randomUUID());
        await().atMost(ARRIVAL).until(() -> programmeKept(programme.id()));
        String pascascio = UUID.randomUUID().toString();
        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        String number = awaitDiplomaOf(pascascio).get("number").asString();

        Api.Response verification = verifier.get("/diplomas/{number}/verification", number);
        String credential = api.raw("/diplomas/{number}/credential", "application/vc+jwt", number).body();
        Claims claims = ThirdPartyVerifier.verify(credential, verifier.get("/.well-known/jwks.json").body()).getPayload();
        Api.Response unknown = verifier.get("/diplomas/{number}/verification", "AULA-DIPLOMA-NOPE 2019");

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(verification.json().get("programmeCode").asString()).isEqualTo(programme.code());
        assertThat(claims.get("type", List.class)).containsExactly("VerifiableCredential", "OpenBadgeCredential");
        Map<String, Object> achievement = ThirdPartyVerifier.map(ThirdPartyVerifier.map(claims.get("credentialSubject")).get("achievement"));
        assertThat(achievement).containsEntry("name", programme.title()).containsEntry("achievementType", "Diploma");
        assertThat(verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), credential)
                .json().get("number").asString()).isEqualTo(number);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
        assertThat(unknown.json().get("verificationStatus").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void aCertificateRevokedByStaffRevokesTheDiplomaThatReliedOnItOnce() {
        Programme programme = aProgramme();
        EventScenario.publish(programme.defined(), UUID.randomUUID());
        await().atMost(ARRIVAL).until(() -> programmeKept(programme.id()));
        String pascascio = UUID.randomUUID().toString();
        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        String diploma = awaitDiplomaOf(pascascio).get("number").asString();
        String certificate = null;
        for (JsonNode held : awaitCertificates(pascascio, 2)) {
            if (held.get("courseCode").asString().equals(programme.first().courseCode())) {
                certificate = held.get("number").asString();
            }
        }
        assertThat(certificate).isNotNull();

        api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\"Issued in error\"}", certificate);

        JsonNode revoked = await().atMost(ARRIVAL).until(() -> awaitDiplomaOf(pascascio), view -> view.has("revokedAt"));
        assertThat(revoked.get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("revocationReason").asString()).isEqualTo("Certificate " + certificate + " was revoked: Issued in error");
        assertThat(verifier.get("/diplomas/{number}/verification", diploma).json().get("verificationStatus").asString())
                .isEqualTo("REVOKED");
        String credential = api.raw("/diplomas/{number}/credential", "application/vc+jwt", diploma).body();
        assertThat(verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), credential)
                .json().get("verificationStatus").asString()).isEqualTo("REVOKED");
        await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> isDiplomaRevokedOf(record, pascascio)), records -> !records.isEmpty());
        assertThat(certificationEvents.settled(EventScenario.withKey(pascascio).and(EventScenario.ofType(EventCatalog.DIPLOMA_REVOKED))))
                .hasSize(1);
        assertThat(progressTowards(api, pascascio, programme).get("remaining").findValuesAsString("courseCode"))
                .containsExactly(programme.first().courseCode());
    }

    private static boolean isDiplomaRevokedOf(ConsumerRecord<String, byte[]> record, String participantId) {
        return IncomingEvent.from(record).type().equals(EventCatalog.DIPLOMA_REVOKED.type()) && participantId.equals(record.key());
    }

    @Test
    void progressShowsTheCoursesDoneAndRemainingToStaffAndToTheParticipantsOwnInstitutionOnly() {
        Programme programme = aProgramme();
        EventScenario.publish(programme.defined(), UUID.randomUUID());
        await().atMost(ARRIVAL).until(() -> programmeKept(programme.id()));
        String pascascio = UUID.randomUUID().toString();
        EventScenario.publish(programme.first().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        String number = awaitCertificates(pascascio, 1).get(0).get("number").asString();

        JsonNode staff = progressTowards(api, pascascio, programme);
        JsonNode ownPartner = progressTowards(Api.as(port, TestTokens.partner("BZ-POLICE")), pascascio, programme);
        JsonNode otherPartner = progressTowards(Api.as(port, TestTokens.partner("BZ-IMMIGRATION")), pascascio, programme);
        Api.Response namingAnother = Api.as(port, TestTokens.partner("BZ-IMMIGRATION")).get(uri -> uri.path("/diplomas/progress")
                .queryParam("participantId", pascascio).queryParam("institutionCode", "BZ-POLICE").build());
        Api.Response withoutParticipant = api.get("/diplomas/progress");

        for (JsonNode progress : List.of(staff, ownPartner)) {
            assertThat(progress.get("complete").asBoolean()).isFalse();
            assertThat(progress.get("done").findValuesAsString("courseCode")).containsExactly(programme.first().courseCode());
            assertThat(progress.get("done").get(0).get("certificateNumber").asString()).isEqualTo(number);
            assertThat(progress.get("remaining").findValuesAsString("courseCode")).containsExactly(programme.second().courseCode());
            assertThat(progress.get("programmeTitle").asString()).isEqualTo(programme.title());
        }
        assertThat(otherPartner.get("done")).as("another institution's partner sees none of this official's certificates")
                .isEmpty();
        assertThat(namingAnother.status()).isEqualTo(403);
        assertThat(withoutParticipant.status()).isEqualTo(400);
        assertThat(withoutParticipant.json().get("errors").findValuesAsString("field")).containsExactly("participantId");

        EventScenario.publish(programme.second().completion(pascascio, "Constant Pascascio", hourAgo()), UUID.randomUUID());
        String diploma = awaitDiplomaOf(pascascio).get("number").asString();
        JsonNode complete = progressTowards(api, pascascio, programme);
        assertThat(complete.get("complete").asBoolean()).isTrue();
        assertThat(complete.get("remaining")).isEmpty();
        assertThat(complete.get("diplomaNumber").asString()).isEqualTo(diploma);
    }

    private static JsonNode progressTowards(Api caller, String participantId, Programme programme) {
        Api.Response answer = caller.get(uri -> uri.path("/diplomas/progress").queryParam("participantId", participantId).build());
        assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(200);
        for (JsonNode progress : answer.json()) {
            if (progress.get("programmeCode").asString().equals(programme.code())) {
                return progress;
            }
        }
        throw new AssertionError("no progress towards " + programme.code() + " in " + answer.body());
    }

    @Test
    void aProgrammeWhoseCodeCannotBeNumberedIsDeadLettered() {
        UUID eventId = UUID.randomUUID();
        EventScenario.publish(new ProgrammeDefined(UUID.randomUUID().toString(), "M M", "Unnumberable", "University of Belize",
                List.of("BMM"), Instant.now()), eventId);

        ConsumerRecord<String, byte[]> deadLetter = await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> enrollmentDeadLetters.records(record -> eventId.equals(IncomingEvent.from(record).id())),
                        records -> !records.isEmpty())
                .get(0);
        Header reason = deadLetter.headers().lastHeader("aula_dlt_reason");
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("programme code");
    }

    private JsonNode awaitCertificates(String participantId, int count) {
        return await().atMost(ARRIVAL)
                .until(() -> api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build()).json(),
                        certificates -> certificates.size() == count);
    }

    private JsonNode awaitDiplomaOf(String participantId) {
        return await().atMost(ARRIVAL)
                .until(() -> api.get(uri -> uri.path("/diplomas").queryParam("participantId", participantId).build()).json(),
                        diplomas -> diplomas.size() == 1)
                .get(0);
    }

    private void assertOneDiplomaAwardedEventFor(String participantId, String number) {
        await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> isDiplomaAwardedTo(record, participantId)), records -> !records.isEmpty());
        await().pollInSameThread().during(Duration.ofSeconds(2)).atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> isDiplomaAwardedTo(record, participantId)).size() == 1);
        JsonNode data = EventScenario.dataOf(certificationEvents.records(record -> isDiplomaAwardedTo(record, participantId)).get(0));
        assertThat(data.get("diplomaNumber").asString()).isEqualTo(number);
        assertThat(data.get("verificationUrl").asString())
                .isEqualTo(CertificationServiceTest.PUBLIC_BASE_URL + "/diplomas/" + number + "/verification");
    }

    private static boolean isDiplomaAwardedTo(ConsumerRecord<String, byte[]> record, String participantId) {
        return IncomingEvent.from(record).type().equals(EventCatalog.DIPLOMA_AWARDED.type()) && participantId.equals(record.key());
    }

    private boolean programmeKept(String programmeId) {
        return jdbc.sql("select count(*) from programme where id = ?").params(programmeId).query(Long.class).single() == 1;
    }

    private static Instant hourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS);
    }

    /** A programme of two courses of its own, so no other test's certificates count towards it. */
    private static Programme aProgramme() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return new Programme(UUID.randomUUID().toString(), "MMG" + suffix, "University Diploma in Migration Management " + suffix,
                new Cohort(UUID.randomUUID().toString(), "DA" + suffix + "-2019-05", "DA" + suffix),
                new Cohort(UUID.randomUUID().toString(), "DB" + suffix + "-2019-11", "DB" + suffix));
    }

    private record Programme(String id, String code, String title, Cohort first, Cohort second) {

        ProgrammeDefined defined() {
            return new ProgrammeDefined(id, code, title, "University of Belize", List.of(first.courseCode(), second.courseCode()),
                    Instant.parse("2019-01-01T00:00:00Z"));
        }
    }

}
