package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The paper certificate as its readers meet it: printed (rendered to an image by poppler, not by
 * Aula), its QR code scanned (by zbar), and the URL it holds opened by a person's browser (HTML)
 * and by a machine (JSON). Both must say VALID.
 */
@CertificationServiceTest
class PrintedCertificateIT extends ApiAndVerifier {

    private static final String BASE = CertificationServiceTest.PUBLIC_BASE_URL;
    /** What a phone's browser sends. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Test
    void theQrCodeOnThePrintedCertificateOpensItsVerificationForPeopleAndMachines() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);

        byte[] pdf = api.raw("/certificates/{number}/pdf", "application/pdf", number).bytes();
        Path page = PrintedTools.render(pdf, number, 150);
        List<String> scanned = PrintedTools.qrCodes(page);

        assertThat(scanned).containsExactly(BASE + "/certificates/" + number + "/verification");
        // The test's public host is not in DNS: send the scanned path to this server, as that host would.
        String path = scanned.get(0).substring(BASE.length());
        Api.Response person = verifier.raw(path, BROWSER);
        Api.Response machine = verifier.raw(path, "application/json");

        assertThat(person.status()).isEqualTo(200);
        assertThat(person.contentType()).startsWith("text/html");
        assertThat(person.headers().getVary()).contains("Accept");
        assertThat(person.body()).contains("<h1 class=\"status\" id=\"verificationStatus\">VALID</h1>",
                "Constant Pascascio", "Best Practices in Migration Management", "13 May 2019 to 18 May 2019", number);
        assertThat(machine.status()).isEqualTo(200);
        assertThat(machine.contentType()).startsWith("application/json");
        assertThat(machine.json().get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(machine.json().get("number").asString()).isEqualTo(number);
    }

    @Test
    void aRevokedCertificatesPageSaysRevokedWithTheReason() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Marisol Chan");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = awaitNumberOf(completion);
        api.post("/certificates/" + number + "/revocation", "{\"reason\":\"Attendance <b>miscounted</b>\"}");

        Api.Response person = verifier.raw("/certificates/{number}/verification", BROWSER, number);

        assertThat(person.status()).isEqualTo(200);
        assertThat(person.body()).contains(">REVOKED</h1>", "Attendance &lt;b&gt;miscounted&lt;/b&gt;")
                .doesNotContain("<b>miscounted");
    }

    @Test
    void anUnknownNumberIsAPageForPeopleAndAProblemForMachines() {
        Api.Response person = verifier.raw("/certificates/{number}/verification", BROWSER, "AULA-BMM-2019-999998");
        Api.Response machine = verifier.raw("/certificates/{number}/verification", "*/*", "AULA-BMM-2019-999998");

        assertThat(person.status()).isEqualTo(404);
        assertThat(person.contentType()).startsWith("text/html");
        assertThat(person.body()).contains(">UNKNOWN</h1>", "AULA-BMM-2019-999998");
        assertThat(machine.status()).isEqualTo(404);
        assertThat(machine.contentType()).isEqualTo("application/problem+json");
        assertThat(machine.json().get("verificationStatus").asString()).isEqualTo("UNKNOWN");
    }

    private String awaitNumberOf(CourseCompleted completion) {
        JsonNode certificates = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get(uri -> uri.path("/certificates")
                                .queryParam("participantId", completion.participantId()).build()).json(),
                        found -> found.size() == 1);
        return certificates.get(0).get("number").asString();
    }
}
