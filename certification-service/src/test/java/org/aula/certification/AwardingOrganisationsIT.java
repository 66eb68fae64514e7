package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.Test;

import io.jsonwebtoken.Claims;
import tools.jackson.databind.JsonNode;

/**
 * The organisations that award a course, not the software, issue its certificates: staff name
 * them (with logos) and say who awards the course; the PDF, the credential's issuer and the
 * verification page (JSON and HTML) then show them, and the holder's institution by name.
 */
@CertificationServiceTest
class AwardingOrganisationsIT extends ApiAndVerifier {

    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;

    @Test
    void aCourseAwardedByIomWithGalenUniversityNamesThemOnEveryDocument() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String iom = "IOM-" + suffix;
        String galen = "GALEN-" + suffix;
        String police = "POLICE-" + suffix;
        assertThat(name(iom, "International Organization for Migration", Logos.badge("IOM", new Color(0, 85, 150), "png")).status())
                .isEqualTo(200);
        assertThat(name(galen, "Galen University", Logos.badge("GALEN", new Color(120, 20, 40), "jpeg")).status()).isEqualTo(200);
        assertThat(api.put("/organisations/" + police, "{\"name\":\"Police Department\"}").status()).isEqualTo(200);
        assertThat(api.put("/organisations/" + police, "{\"name\":\"Police Department\"}").json().has("logoUrl"))
                .as("renaming without a logo keeps none").isFalse();
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        Api.Response defined = api.put("/courses/" + cohort.courseCode() + "/awarding",
                "{\"organisations\":[\"" + iom + "\",\"" + galen + "\"],\"language\":\"en\"}");
        assertThat(defined.status()).isEqualTo(200);

        CourseCompleted completion = cohort.completionOf(police, "Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        JsonNode verification = verifier.raw("/certificates/{number}/verification", "application/json", number).json();
        assertThat(verification.get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(verification.get("institutionCode").asString()).isEqualTo(police);
        assertThat(verification.get("institutionName").asString()).isEqualTo("Police Department");
        assertThat(verification.get("awardingOrganisations")).hasSize(2);
        assertThat(verification.get("awardingOrganisations").get(0).get("name").asString()).isEqualTo("International Organization for Migration");
        assertThat(verification.get("awardingOrganisations").get(0).get("logoUrl").asString())
                .isEqualTo(BASE + "/organisations/" + iom + "/logo");
        assertThat(verification.get("awardingOrganisations").get(1).get("name").asString()).isEqualTo("Galen University");

        String page = verifier.raw("/certificates/{number}/verification", "text/html", number).body();
        assertThat(page).contains("International Organization for Migration and Galen University", "Police Department",
                "<img src=\"/organisations/" + iom + "/logo\" alt=\"International Organization for Migration\">");

        byte[] pdf = api.raw("/certificates/{number}/pdf", "application/pdf", number).bytes();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("International Organization for Migration", "Galen University",
                    "nominated by Police Department", "Awarded by International Organization for Migration and Galen University on")
                    .doesNotContain(police).doesNotContain("Aula");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the two logos").hasSize(2);
        }
        PrintedTools.render(pdf, "awarded-" + number, 110);

        String token = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        Claims claims = ThirdPartyVerifier.verify(token, verifier.get("/.well-known/jwks.json").body()).getPayload();
        Map<String, Object> issuer = ThirdPartyVerifier.map(claims.get("issuer"));
        assertThat(claims.getIssuer()).isEqualTo(issuer.get("id")).isEqualTo(BASE + "/issuer");
        assertThat(issuer).containsEntry("name", "International Organization for Migration and Galen University")
                .containsEntry("image", Map.of("id", BASE + "/organisations/" + iom + "/logo", "type", "Image",
                        "caption", "International Organization for Migration"));
        Map<String, Object> achievement = ThirdPartyVerifier.map(ThirdPartyVerifier.map(claims.get("credentialSubject")).get("achievement"));
        assertThat(ThirdPartyVerifier.map(achievement.get("creator"))).containsEntry("name", "International Organization for Migration");

        Api.Response logo = verifier.get("/organisations/{code}/logo", iom);
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.contentType()).isEqualTo("image/png");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(logo.bytes()))).isNotNull();
        Api.Response galenLogo = verifier.get("/organisations/{code}/logo", galen);
        assertThat(galenLogo.contentType()).as("a JPEG is served re-encoded").isEqualTo("image/png");
    }

    @Test
    void aCourseAwardedInSpanishPrintsAndSignsInSpanishAndEitherLanguageOnRequest() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        api.put("/organisations/OIM-" + suffix, "{\"name\":\"Organización Internacional para las Migraciones\"}");
        api.put("/organisations/GALEN-" + suffix, "{\"name\":\"Universidad Galen\"}");
        api.put("/organisations/POLICIA-" + suffix, "{\"name\":\"Departamento de Policía\"}");
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        assertThat(api.put("/courses/" + cohort.courseCode() + "/awarding", "{\"organisations\":[\"OIM-" + suffix + "\",\"GALEN-"
                + suffix + "\"],\"language\":\"es\",\"titles\":{\"es\":\"Buenas Prácticas en la Gestión Migratoria\"}}").status())
                .isEqualTo(200);
        CourseCompleted completion = cohort.completionOf("POLICIA-" + suffix, "Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        byte[] spanish = api.raw("/certificates/{number}/pdf", "application/pdf", number).bytes();
        byte[] english = api.raw("/certificates/{number}/pdf?lang=en", "application/pdf", number).bytes();
        byte[] byHeader = api.with("Accept-Language", "en-GB,en;q=0.9").get("/certificates/{number}/pdf", number).bytes();
        assertThat(textOf(spanish)).contains("Certificado de Finalización", "Se certifica que", "propuesto por Departamento de Policía",
                "ha completado el curso", "Buenas Prácticas en la Gestión Migratoria", "40 horas", "del 13 de mayo de 2019 al 18 de mayo de 2019",
                "Otorgado por Organización Internacional para las Migraciones y Universidad Galen el",
                "Verifique este certificado en", "Escanee para verificar").doesNotContain("?");
        assertThat(textOf(english)).contains("Certificate of Completion", "Best Practices in Migration Management",
                "13 May 2019 to 18 May 2019", "Awarded by Organización Internacional para las Migraciones and Universidad Galen on");
        assertThat(textOf(byHeader)).contains("Certificate of Completion");
        Path page = PrintedTools.render(spanish, "spanish-" + number, 110);
        assertThat(PrintedTools.qrCodes(page)).containsExactly(BASE + "/certificates/" + number + "/verification");

        String keys = verifier.get("/.well-known/jwks.json").body();
        Claims es = ThirdPartyVerifier.verify(api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body(), keys)
                .getPayload();
        Claims en = ThirdPartyVerifier.verify(api.raw("/certificates/{number}/credential?lang=en", "application/vc+jwt", number).body(),
                keys).getPayload();
        assertThat(es.get("@context", List.class)).containsExactly("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", Map.of("@language", "es"));
        assertThat(es.get("name")).isEqualTo("Buenas Prácticas en la Gestión Migratoria");
        assertThat((String) es.get("description")).startsWith("Certificado " + number + ": Constant Pascascio completó");
        Map<String, Object> achievement = ThirdPartyVerifier.map(ThirdPartyVerifier.map(es.get("credentialSubject")).get("achievement"));
        assertThat(achievement).containsEntry("inLanguage", "es").containsEntry("name", "Buenas Prácticas en la Gestión Migratoria");
        assertThat(ThirdPartyVerifier.map(es.get("issuer"))).containsEntry("name",
                "Organización Internacional para las Migraciones y Universidad Galen");
        assertThat(en.get("@context", List.class)).hasSize(2);
        assertThat(en.get("name")).isEqualTo("Best Practices in Migration Management");
        assertThat(es.getId()).as("the same credential, in two languages").isEqualTo(en.getId());

        String spanishPage = verifier.raw("/certificates/{number}/verification", "text/html", number).body();
        String englishPage = verifier.with("Accept", "text/html").with("Accept-Language", "en").get("/certificates/{number}/verification", number).body();
        assertThat(spanishPage).contains("<html lang=\"es\">", "Este certificado es válido.", "Titular", "del 13 de mayo de 2019");
        assertThat(englishPage).contains("<html lang=\"en\">", "This certificate is valid.");
        assertThat(api.raw("/certificates/{number}/pdf?lang=fr", "application/pdf", number).status()).isEqualTo(400);
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void aCertificateKeepsTheAwardingItWasIssuedUnder() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        api.put("/organisations/FIRST-" + suffix, "{\"name\":\"First Awarding Body\"}");
        api.put("/organisations/LATER-" + suffix, "{\"name\":\"Later Awarding Body\"}");
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();
        api.put("/courses/" + cohort.courseCode() + "/awarding", "{\"organisations\":[\"FIRST-" + suffix + "\"]}");
        CourseCompleted early = cohort.completion("Early Holder");
        EventScenario.publish(early, UUID.randomUUID());
        String earlyNumber = awaitNumberOf(early);

        api.put("/courses/" + cohort.courseCode() + "/awarding", "{\"organisations\":[\"LATER-" + suffix + "\"]}");
        CourseCompleted late = cohort.completion("Late Holder");
        EventScenario.publish(late, UUID.randomUUID());
        String lateNumber = awaitNumberOf(late);

        assertThat(awardedBy(earlyNumber)).containsExactly("First Awarding Body");
        assertThat(awardedBy(lateNumber)).containsExactly("Later Awarding Body");
    }

    @Test
    void badDefinitionsAreRefusedAndChangeNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Cohort cohort = CourseCompletedFixture.aCohortOfItsOwnCourse();

        Api.Response unknown = api.put("/courses/" + cohort.courseCode() + "/awarding", "{\"organisations\":[\"NOBODY-" + suffix + "\"]}");
        Api.Response none = api.put("/courses/" + cohort.courseCode() + "/awarding", "{\"organisations\":[]}");
        Api.Response language = api.put("/organisations/X-" + suffix, "{\"name\":\"X\"}");
        Api.Response badLanguage = api.put("/courses/" + cohort.courseCode() + "/awarding",
                "{\"organisations\":[\"X-" + suffix + "\"],\"language\":\"fr\"}");
        Api.Response notAnImage = name("SVG-" + suffix, "Scripted", "<svg onload=alert(1)>".getBytes());
        Api.Response notBase64 = api.put("/organisations/B64-" + suffix, "{\"name\":\"X\",\"logo\":\"%%%\"}");
        Api.Response tooLarge = name("BIG-" + suffix, "Big", new byte[300 * 1024]);
        Api.Response badCode = api.put("/organisations/bad code", "{\"name\":\"X\"}");
        Api.Response lowerCase = api.put("/organisations/iom", "{\"name\":\"X\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("organisations");
        assertThat(none.status()).isEqualTo(400);
        assertThat(language.status()).isEqualTo(200);
        assertThat(badLanguage.status()).isEqualTo(400);
        for (Api.Response refused : List.of(notAnImage, notBase64, tooLarge)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("logo");
        }
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(lowerCase.status()).isEqualTo(400);
        assertThat(verifier.get("/organisations/{code}/logo", "X-" + suffix).status()).as("no logo given").isEqualTo(404);
        List<String> codes = api.get("/organisations").json().valueStream().map(organisation -> organisation.get("code").asString()).toList();
        assertThat(codes).as("a refused logo names nothing either").contains("X-" + suffix)
                .doesNotContain("SVG-" + suffix, "B64-" + suffix, "BIG-" + suffix);

        CourseCompleted completion = cohort.completion("Unaffected Holder");
        EventScenario.publish(completion, UUID.randomUUID());
        assertThat(awardedBy(awaitNumberOf(completion))).as("no definition was recorded").containsExactly("Aula");
    }

    private List<String> awardedBy(String number) {
        JsonNode organisations = verifier.raw("/certificates/{number}/verification", "application/json", number)
                .json().get("awardingOrganisations");
        return organisations.valueStream().map(organisation -> organisation.get("name").asString()).toList();
    }

    private Api.Response name(String code, String name, byte[] logo) {
        return api.put("/organisations/" + code, "{\"name\":\"" + name + "\",\"logo\":\"" + Base64.getEncoder().encodeToString(logo) + "\"}");
    }

    private String awaitNumberOf(CourseCompleted completion) {
        JsonNode certificates = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(uri -> uri.path("/certificates")
                                .queryParam("participantId", completion.participantId()).build()).json(),
                        found -> found.size() == 1);
        return certificates.get(0).get("number").asString();
    }
}
