package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.ProgrammeDefined;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.jsonwebtoken.Claims;
import tools.jackson.databind.JsonNode;

/**
 * The holder's copy over the running service: staff make a link, the holder opens it without an
 * account and downloads the PDF and the signed credential; a revoked, expired or unknown link opens
 * nothing (one 404 for all); a re-send replaces the link; staff issue a certificate by hand. Each
 * with its event on {@code certification.events}, none carrying a token.
 */
@CertificationServiceTest
@ExtendWith(OutputCaptureExtension.class)
class HolderCopyIT extends ApiAndVerifier {

    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;

    @AutoClose
    private static EventScenario certificationEvents;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openProbe() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    @Test
    void theHolderOpensTheirCopyWithoutAnAccountUntilTheLinkIsRevoked(CapturedOutput output) throws IOException {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion.participantId());

        Api.Response made = api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"The holder asked for a copy by e-mail\"}", number);

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.headers().getCacheControl()).contains("no-store");
        String url = made.json().get("url").asString();
        assertThat(url).startsWith(BASE + "/holder/");
        String token = url.substring((BASE + "/holder/").length());
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        String linkId = made.json().get("linkId").asString();
        String page = path(url);

        Api.Response html = verifier.raw(page, "text/html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(html.headers().getCacheControl()).contains("no-store");
        assertThat(html.body()).contains("VALID", "Constant Pascascio", CourseCompletedFixture.COURSE_TITLE, number,
                "href=\"" + url + "/certificate.pdf?lang=en\"", "href=\"" + url + "/credential?lang=en\"");
        JsonNode copy = verifier.get(page).json();
        assertThat(copy.get("certificate").get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(copy.get("certificate").get("holderName").asString()).isEqualTo("Constant Pascascio");
        assertThat(copy.get("certificate").get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(copy.get("certificate").has("awardingOrganisations")).isTrue();

        Api.Response pdf = verifier.raw(path(copy.get("pdf").asString()), "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Constant Pascascio", number);
        }
        Api.Response spanish = verifier.raw(page + "/certificate.pdf?lang=es", "application/pdf");
        try (PDDocument document = Loader.loadPDF(spanish.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Constant Pascascio", "Certificado");
        }
        Api.Response credential = verifier.raw(path(copy.get("credential").asString()), "application/vc+jwt");
        assertThat(credential.status()).isEqualTo(200);
        // Signature and dates checked by jjwt, and the credential held to the Open Badges 3.0 schema.
        Claims claims = ThirdPartyVerifier.verify(credential.body(), verifier.get("/.well-known/jwks.json").body()).getPayload();
        assertThat(claims.getSubject()).isEqualTo("urn:aula:participant:" + completion.participantId());
        assertThat(verifier.post("/verifications", MediaType.parseMediaType("application/vc+jwt"), credential.body())
                .json().get("verificationStatus").asString()).isEqualTo("VALID");

        JsonNode sent = awaitEvent(EventCatalog.HOLDER_LINK_SENT, completion.participantId(), 1).get(0);
        assertThat(sent.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(sent.get("participantId").asString()).isEqualTo(completion.participantId());
        assertThat(sent.get("linkId").asString()).isEqualTo(linkId);
        assertThat(sent.get("reason").asString()).isEqualTo("The holder asked for a copy by e-mail");
        assertThat(sent.get("replacesEarlierLinks").asBoolean()).isFalse();
        assertThat(sent.has("expiresAt")).as("no expiry given").isFalse();
        assertThat(sent.toString()).doesNotContain(token);

        Api.Response revoked = api.post("/certificates/{number}/holder-links/{linkId}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"The e-mail went to the wrong address\"}", number, linkId);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").asString()).isNotBlank();

        Api.Response unknown = verifier.get("/holder/{token}", UUID.randomUUID().toString().replace("-", "") + "AAAAAAAAAAA");
        assertNotOpened(unknown, token);
        for (String closed : List.of(page, page + "/certificate.pdf", page + "/credential")) {
            Api.Response answer = verifier.get(closed);
            assertNotOpened(answer, token);
            assertThat(answer.body()).as("the same answer as for an unknown link").isEqualTo(unknown.body());
        }
        Api.Response again = api.post("/certificates/{number}/holder-links/{linkId}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Again\"}", number, linkId);
        assertThat(again.status()).isEqualTo(409);
        assertThat(verifier.get("/certificates/{number}/verification", number).json().get("verificationStatus").asString())
                .as("revoking the link leaves the certificate standing").isEqualTo("VALID");
        assertThat(output.getAll()).as("the token is never logged").doesNotContain(token);
        assertThat(jdbc.sql("select count(*) from holder_link where encode(token_sha256, 'escape') like :token")
                .param("token", "%" + token + "%").query(Long.class).single()).as("only the hash is stored").isZero();
    }

    @Test
    void anExpiredLinkOpensNothingAndTheLinkOpensOnlyItsOwnCertificate() {
        CourseCompletedFixture.Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted mine = cohort.completion("Constant Pascascio");
        CourseCompleted theirs = cohort.completion("Marisol Chan");
        EventScenario.publish(mine, UUID.randomUUID());
        EventScenario.publish(theirs, UUID.randomUUID());
        String number = awaitNumberOf(mine.participantId());
        String otherNumber = awaitNumberOf(theirs.participantId());
        Instant expiry = Instant.now().plus(2, ChronoUnit.SECONDS);

        Api.Response made = api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy for the ministry visit\",\"expiresAt\":\"" + expiry + "\"}", number);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String page = path(made.json().get("url").asString());
        String token = page.substring("/holder/".length());

        assertThat(verifier.get(page).status()).isEqualTo(200);
        assertThat(verifier.get(page).json().get("certificate").get("number").asString()).isEqualTo(number);
        assertThat(verifier.get("/certificates/{number}", otherNumber).status()).as("the token is no account").isEqualTo(401);
        assertThat(verifier.with("Authorization", "Bearer " + token).get("/certificates/{number}", otherNumber).status())
                .as("nor a bearer token").isEqualTo(401);
        JsonNode sent = awaitEvent(EventCatalog.HOLDER_LINK_SENT, mine.participantId(), 1).get(0);
        assertThat(Instant.parse(sent.get("expiresAt").asString())).isEqualTo(expiry.truncatedTo(ChronoUnit.MICROS));

        await().atMost(Duration.ofSeconds(30)).until(() -> verifier.get(page).status() == 404);
        assertNotOpened(verifier.get(page + "/credential"), token);
        assertNotOpened(verifier.get(page + "/certificate.pdf"), token);
    }

    @Test
    void theCopyShowsTheHoldersProgressTowardsTheDiplomasOfProgrammesTheyBegan() {
        CourseCompletedFixture.Cohort first = CourseCompletedFixture.aCohortOfItsOwnCourse();
        CourseCompletedFixture.Cohort second = CourseCompletedFixture.aCohortOfItsOwnCourse();
        String programmeCode = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        EventScenario.publish(new ProgrammeDefined(UUID.randomUUID().toString(), programmeCode, "Migration Management",
                "University of Belize", List.of(first.courseCode(), second.courseCode()), Instant.parse("2019-01-01T00:00:00Z")),
                UUID.randomUUID());
        CourseCompleted completion = first.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion.participantId());
        String page = path(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy\"}", number).json().get("url").asString());

        JsonNode progress = await().atMost(Duration.ofSeconds(60))
                .until(() -> verifier.get(page).json().get("diplomaProgress"), diplomas -> diplomas.size() == 1)
                .get(0);

        assertThat(progress.get("programmeCode").asString()).isEqualTo(programmeCode);
        assertThat(progress.get("complete").asBoolean()).isFalse();
        assertThat(progress.get("done").findValuesAsString("certificateNumber")).containsExactly(number);
        assertThat(progress.get("remaining").findValuesAsString("courseCode")).containsExactly(second.courseCode());
        // the same progress on the page a person opens
        Api.Response html = verifier.raw(page, "text/html");
        assertThat(html.body()).contains("Towards the diploma: Migration Management", "Courses done", "Courses remaining",
                second.courseCode());
    }

    @Test
    void aResendRevokesTheOldLinkAndPublishesTheNewOne() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion.participantId());
        String first = path(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"First copy\"}", number).json().get("url").asString());
        assertThat(verifier.get(first).status()).isEqualTo(200);

        Api.Response resent = api.post("/certificates/{number}/holder-links/resend", MediaType.APPLICATION_JSON,
                "{\"reason\":\"The holder lost the first e-mail\"}", number);

        assertThat(resent.status()).as(resent.body()).isEqualTo(201);
        String second = path(resent.json().get("url").asString());
        assertThat(second).isNotEqualTo(first);
        assertNotOpened(verifier.get(first), first);
        assertNotOpened(verifier.get(first + "/credential"), first);
        assertThat(verifier.get(second).status()).isEqualTo(200);
        assertThat(verifier.raw(second + "/certificate.pdf", "application/pdf").status()).isEqualTo(200);
        List<JsonNode> sent = awaitEvent(EventCatalog.HOLDER_LINK_SENT, completion.participantId(), 2);
        assertThat(sent.get(1).get("replacesEarlierLinks").asBoolean()).isTrue();
        assertThat(sent.get(1).get("reason").asString()).isEqualTo("The holder lost the first e-mail");
        assertThat(sent.get(1).get("linkId").asString()).isEqualTo(resent.json().get("linkId").asString());
        assertThat(sent.toString()).doesNotContain(first.substring("/holder/".length()))
                .doesNotContain(second.substring("/holder/".length()));
    }

    @Test
    void staffIssueACertificateByHandWithAReason() {
        String participantId = UUID.randomUUID().toString();
        String cohortId = UUID.randomUUID().toString();
        String body = manualIssue(participantId, cohortId, "Decided in 2018, before the platform; attendance sheets on file");

        Api.Response issued = api.post("/certificates", MediaType.APPLICATION_JSON, body);

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String number = issued.json().get("number").asString();
        assertThat(number).matches("AULA-BMM-2018-\\d{6}");
        assertThat(issued.json().get("holderName").asString()).isEqualTo("Marisol Chan");
        JsonNode verification = verifier.get("/certificates/{number}/verification", number).json();
        assertThat(verification.get("verificationStatus").asString()).isEqualTo("VALID");
        ThirdPartyVerifier.verify(api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body(),
                verifier.get("/.well-known/jwks.json").body());

        JsonNode certificateIssued = awaitEvent(EventCatalog.CERTIFICATE_ISSUED, participantId, 1).get(0);
        assertThat(certificateIssued.get("certificateNumber").asString()).isEqualTo(number);
        JsonNode byHand = awaitEvent(EventCatalog.CERTIFICATE_ISSUED_BY_HAND, participantId, 1).get(0);
        assertThat(byHand.get("certificateNumber").asString()).isEqualTo(number);
        assertThat(byHand.get("issuedBy").asString()).isEqualTo("test-coordinator");
        assertThat(byHand.get("reason").asString()).isEqualTo("Decided in 2018, before the platform; attendance sheets on file");
        assertThat(byHand.get("cohortId").asString()).isEqualTo(cohortId);
        assertThat(jdbc.sql("select issued_by || ' / ' || reason from manual_issue m join certificate c on c.id = m.certificate_id "
                + "where c.number = :number").param("number", number).query(String.class).single())
                .isEqualTo("test-coordinator / Decided in 2018, before the platform; attendance sheets on file");

        Api.Response twice = api.post("/certificates", MediaType.APPLICATION_JSON, body);
        assertThat(twice.status()).as("one standing certificate per participant and cohort").isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains(number);
    }

    @Test
    void partnersAndFacilitatorsMayNotUseTheStaffOperations() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion.participantId());
        String linkId = api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy\"}", number).json().get("linkId").asString();

        for (Api caller : List.of(Api.as(port, TestTokens.partner("BZ-POLICE")), Api.as(port, TestTokens.facilitator()))) {
            assertThat(caller.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON, "{\"reason\":\"Copy\"}", number)
                    .status()).isEqualTo(403);
            assertThat(caller.post("/certificates/{number}/holder-links/resend", MediaType.APPLICATION_JSON, "{\"reason\":\"Copy\"}",
                    number).status()).isEqualTo(403);
            assertThat(caller.post("/certificates/{number}/holder-links/{linkId}/revocation", MediaType.APPLICATION_JSON,
                    "{\"reason\":\"No\"}", number, linkId).status()).isEqualTo(403);
            assertThat(caller.post("/certificates", MediaType.APPLICATION_JSON,
                    manualIssue(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "By hand")).status()).isEqualTo(403);
        }
        assertThat(Api.as(port, TestTokens.operations()).post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy\"}", number).status()).as("operations may").isEqualTo(201);
        assertThat(linksOf(number)).as("the refused calls changed nothing").isEqualTo(2);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion.participantId());
        long manualBefore = jdbc.sql("select count(*) from manual_issue").query(Long.class).single();

        assertBadField(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON, "{\"reason\":\" \"}", number), "reason");
        assertBadField(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON, "{\"reason\":\"two\\nlines\"}",
                number), "reason");
        assertBadField(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy\",\"expiresAt\":\"2019-01-01T00:00:00Z\"}", number), "expiresAt");
        assertBadField(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON,
                "{\"reason\":\"Copy\",\"expiresAt\":\"tomorrow\"}", number), "expiresAt");
        assertBadField(api.post("/certificates/{number}/holder-links/resend", MediaType.APPLICATION_JSON, "{}", number), "reason");
        assertBadField(api.post("/certificates/{number}/holder-links/{linkId}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"x\"}", number, "not-a-uuid"), "linkId");
        assertThat(api.post("/certificates/{number}/holder-links", MediaType.APPLICATION_JSON, "{\"reason\":\"Copy\"}",
                "AULA-BMM-2019-999995").status()).isEqualTo(404);
        assertThat(api.post("/certificates/{number}/holder-links/{linkId}/revocation", MediaType.APPLICATION_JSON,
                "{\"reason\":\"x\"}", number, UUID.randomUUID()).status()).isEqualTo(404);

        String participantId = UUID.randomUUID().toString();
        assertBadField(api.post("/certificates", MediaType.APPLICATION_JSON,
                manualIssue(participantId, UUID.randomUUID().toString(), "")), "reason");
        assertBadField(api.post("/certificates", MediaType.APPLICATION_JSON,
                manualIssue(participantId, UUID.randomUUID().toString(), "By hand").replace("\"BMM\"", "\"B M M\"")), "courseCode");
        assertBadField(api.post("/certificates", MediaType.APPLICATION_JSON,
                manualIssue(participantId, UUID.randomUUID().toString(), "By hand").replace("\"2018-03-09\"", "\"2018-03-01\"")),
                "endDate");
        assertBadField(api.post("/certificates", MediaType.APPLICATION_JSON,
                manualIssue(participantId, UUID.randomUUID().toString(), "By hand").replace("\"2018-03-09\"", "\"2999-03-09\"")),
                "endDate");
        assertBadField(api.post("/certificates", MediaType.APPLICATION_JSON,
                manualIssue(participantId, UUID.randomUUID().toString(), "By hand").replace("\"courseHours\":40", "\"courseHours\":0")),
                "courseHours");

        assertThat(linksOf(number)).isZero();
        assertThat(jdbc.sql("select count(*) from manual_issue").query(Long.class).single()).isEqualTo(manualBefore);
        assertThat(api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build()).json()).isEmpty();
        await().pollInSameThread().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30)).until(() ->
                certificationEvents.records(record -> participantId.equals(record.key())).isEmpty()
                        && events(EventCatalog.HOLDER_LINK_SENT, completion.participantId()).isEmpty());
    }

    private static String manualIssue(String participantId, String cohortId, String reason) {
        return """
                {"participantId":"%s","participantName":"Marisol Chan","institutionCode":"BZ-POLICE",
                 "courseCode":"BMM","courseTitle":"Best Practices in Migration Management","courseHours":40,
                 "cohortId":"%s","cohortCode":"BMM-2018-03","startDate":"2018-03-05","endDate":"2018-03-09",
                 "passedAssessments":["Final case study"],"reason":"%s"}
                """.formatted(participantId, cohortId, reason);
    }

    private long linksOf(String number) {
        return jdbc.sql("select count(*) from holder_link l join certificate c on c.id = l.certificate_id where c.number = :number")
                .param("number", number).query(Long.class).single();
    }

    private static void assertNotOpened(Api.Response answer, String token) {
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.body()).doesNotContain(token);
    }

    private static void assertBadField(Api.Response answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(field);
    }

    private static String path(String url) {
        assertThat(url).startsWith(BASE);
        return url.substring(BASE.length());
    }

    private String awaitNumberOf(String participantId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build())
                        .json(), certificates -> certificates.size() == 1)
                .get(0).get("number").asString();
    }

    private static List<JsonNode> awaitEvent(EventCatalog type, String participantId, int count) {
        return await().pollInSameThread().atMost(Duration.ofSeconds(60))
                .until(() -> events(type, participantId), events -> events.size() >= count);
    }

    private static List<JsonNode> events(EventCatalog type, String participantId) {
        return certificationEvents.records(record -> isOf(record, type, participantId)).stream()
                .map(EventScenario::dataOf).toList();
    }

    private static boolean isOf(ConsumerRecord<String, byte[]> record, EventCatalog type, String participantId) {
        return IncomingEvent.from(record).type().equals(type.type()) && participantId.equals(record.key());
    }
}
