package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.ParticipantErased;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code participant.erased}: the holder's name becomes a pseudonym everywhere it is shown or
 * signed, while what verification needs (number, course, cohort, dates, status) stays.
 */
@CertificationServiceTest
class ErasureIT extends ApiAndVerifier {

    private static final String PSEUDONYM = "Erased participant";

    @AutoClose
    private static EventScenario certificationEvents;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openProbe() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    @Test
    void anErasedHoldersCertificateKeepsVerifyingUnderAPseudonym() throws IOException {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        EventScenario.publish(completion, UUID.randomUUID());
        String number = await().atMost(Duration.ofSeconds(30))
                .until(() -> certificatesOf(completion.participantId()), certificates -> certificates.size() == 1)
                .get(0).get("number").asString();
        JsonNode before = verifier.get("/certificates/{number}/verification", number).json();

        EventScenario.publish(new ParticipantErased(completion.participantId(), Instant.now()), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> verifier.get("/certificates/{number}/verification", number)
                .json().get("holderName").asString().equals(PSEUDONYM));
        JsonNode after = verifier.get("/certificates/{number}/verification", number).json();
        assertThat(without(after, "holderName")).isEqualTo(without(before, "holderName"));
        assertThat(after.get("verificationStatus").asString()).isEqualTo("VALID");
        assertThat(certificatesOf(completion.participantId()).get(0).get("holderName").asString()).isEqualTo(PSEUDONYM);
        String credential = api.raw("/certificates/{number}/credential", "application/vc+jwt", number).body();
        Map<String, Object> subject = ThirdPartyVerifier.map(
                ThirdPartyVerifier.verify(credential, verifier.get("/.well-known/jwks.json").body()).getPayload().get("credentialSubject"));
        assertThat(ThirdPartyVerifier.map(((List<?>) subject.get("identifier")).get(0))).containsEntry("identityHash", PSEUDONYM);
        assertThat(credential).doesNotContain("Pascascio");
        // Other tests' holders share the name: count only this participant's events.
        assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where payload like '%Pascascio%' and payload like ?")
                .param("%" + completion.participantId() + "%").query(Long.class).single())
                .as("the certificate.issued payload kept in the outbox forgets the name too").isZero();
        try (PDDocument pdf = Loader.loadPDF(api.raw("/certificates/{number}/pdf", "application/pdf", number).bytes())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(PSEUDONYM, number).doesNotContain("Pascascio");
        }
    }

    @Test
    void aCompletionArrivingAfterTheErasureIsCertifiedInThePseudonym() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Graciela Incer");
        EventScenario.publish(new ParticipantErased(completion.participantId(), Instant.now()), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from erased_participant where participant_id = ?")
                .params(completion.participantId()).query(Long.class).single() == 1);

        EventScenario.publish(completion, UUID.randomUUID());

        JsonNode certificate = await().atMost(Duration.ofSeconds(30))
                .until(() -> certificatesOf(completion.participantId()), certificates -> certificates.size() == 1).get(0);
        assertThat(certificate.get("holderName").asString()).isEqualTo(PSEUDONYM);
        ConsumerRecord<String, byte[]> issued = await().pollInSameThread().atMost(Duration.ofSeconds(30))
                .until(() -> certificationEvents.records(record -> new Event(record).is(EventCatalog.CERTIFICATE_ISSUED) && completion.participantId().equals(record.key())),
                        records -> !records.isEmpty())
                .get(0);
        assertThat(EventScenario.dataOf(issued).get("participantName").asString()).isEqualTo(PSEUDONYM);
    }

    private JsonNode certificatesOf(String participantId) {
        return api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build()).json();
    }

    private static JsonNode without(JsonNode node, String field) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(field);
        return copy;
    }
}
