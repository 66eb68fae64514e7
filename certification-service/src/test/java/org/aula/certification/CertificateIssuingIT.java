package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CloudEventHeaders;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** One certificate per completion, however often and under whatever event id the fact arrives. */
@CertificationServiceTest
class CertificateIssuingIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** Long enough for a wrongly issued second certificate to be relayed (a commit wakes the relay at once). */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @AutoClose
    private static EventScenario certificationEvents;
    @AutoClose
    private static EventScenario deadLetters;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    private Api api;

    @BeforeAll
    static void openProbes() {
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
        deadLetters = EventScenario.fromStart(Topics.deadLetterOf(Topics.SESSION));
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theSameEventDeliveredThreeTimesIssuesOneCertificate() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        double duplicatesBefore = inboxDuplicates();
        ProducerRecord<String, byte[]> record = EventScenario.record(completion, UUID.randomUUID());

        EventScenario.publish(record);
        EventScenario.publish(record);
        EventScenario.publish(record);

        List<ConsumerRecord<String, byte[]>> issued = awaitOneCertificateIssuedTo(completion.participantId());
        await().atMost(ARRIVAL).until(() -> inboxDuplicates() >= duplicatesBefore + 2);
        assertStaysOneCertificateIssuedTo(completion.participantId());
        JsonNode certificates = certificatesOf(completion.participantId());
        assertThat(certificates.size()).isEqualTo(1);
        assertThat(certificates.get(0).get("number").asString())
                .isEqualTo(EventScenario.dataOf(issued.get(0)).get("certificateNumber").asString());
    }

    @Test
    void theSameCompletionUnderANewEventIdIssuesNoSecondCertificateAndIsNoDeadLetter() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        EventScenario.publish(completion, first);
        awaitOneCertificateIssuedTo(completion.participantId());
        EventScenario.publish(completion, second);

        await().atMost(ARRIVAL).until(() -> appliedByTheInbox(second));
        assertStaysOneCertificateIssuedTo(completion.participantId());
        assertThat(certificatesOf(completion.participantId()).size()).isEqualTo(1);
        assertThat(deadLetters.records(record -> hasEventId(record, second))).isEmpty();
    }

    @Test
    void aSecondCompletionOfTheSameParticipantInTheCohortIssuesNoSecondCertificate() {
        CourseCompleted completion = CourseCompletedFixture.aCohort().completion("Constant Pascascio");
        CourseCompleted decidedAgain = CourseCompletedFixture.decidedAgain(completion);
        UUID secondEvent = UUID.randomUUID();

        EventScenario.publish(completion, UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> issued = awaitOneCertificateIssuedTo(completion.participantId());
        EventScenario.publish(decidedAgain, secondEvent);

        await().atMost(ARRIVAL).until(() -> appliedByTheInbox(secondEvent));
        assertStaysOneCertificateIssuedTo(completion.participantId());
        assertThat(EventScenario.dataOf(issued.get(0)).get("completionId").asString()).isEqualTo(completion.completionId());
        assertThat(certificatesOf(completion.participantId()).size()).isEqualTo(1);
        assertThat(deadLetters.records(record -> hasEventId(record, secondEvent))).isEmpty();
    }

    @Test
    void certificateIssuedTellsWhatTheCertificateAttestsAndWhereToVerifyIt() {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted completion = cohort.completion("Constant Pascascio");

        EventScenario.publish(completion, UUID.randomUUID());

        ConsumerRecord<String, byte[]> record = awaitOneCertificateIssuedTo(completion.participantId()).get(0);
        IncomingEvent event = IncomingEvent.from(record);
        JsonNode data = EventScenario.dataOf(record);
        String number = data.get("certificateNumber").asString();
        assertThat(event.type()).isEqualTo(EventCatalog.CERTIFICATE_ISSUED.type());
        assertThat(event.source()).isEqualTo("/aula/certification-service");
        assertThat(record.key()).isEqualTo(completion.participantId());
        assertThat(number).matches("AULA-BMM-2019-\\d{6}");
        assertThat(data.get("verificationUrl").asString())
                .isEqualTo(CertificationServiceTest.PUBLIC_BASE_URL + "/certificates/" + number + "/verification");
        assertThat(data.get("completionId").asString()).isEqualTo(completion.completionId());
        assertThat(data.get("participantName").asString()).isEqualTo("Constant Pascascio");
        assertThat(data.get("institutionCode").asString()).isEqualTo("BZ-POLICE");
        assertThat(data.get("courseCode").asString()).isEqualTo("BMM");
        assertThat(data.get("courseTitle").asString()).isEqualTo("Best Practices in Migration Management");
        assertThat(data.get("courseHours").asInt()).isEqualTo(40);
        assertThat(data.get("cohortId").asString()).isEqualTo(cohort.id());
        assertThat(data.get("cohortCode").asString()).isEqualTo(cohort.code());
        assertThat(data.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(data.get("endDate").asString()).isEqualTo("2019-05-18");
        JsonNode view = api.get("/certificates/{number}", number).json();
        assertThat(view.get("certificateId").asString()).isEqualTo(data.get("certificateId").asString());
        assertThat(view.get("issuedAt").asString()).isEqualTo(data.get("issuedAt").asString());
    }

    private List<ConsumerRecord<String, byte[]>> awaitOneCertificateIssuedTo(String participantId) {
        return await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> new Event(record).is(EventCatalog.CERTIFICATE_ISSUED) && participantId.equals(record.key())),
                        records -> !records.isEmpty());
    }

    private void assertStaysOneCertificateIssuedTo(String participantId) {
        await().pollInSameThread().during(QUIET).atMost(QUIET.plus(ARRIVAL))
                .until(() -> certificationEvents.records(record -> new Event(record).is(EventCatalog.CERTIFICATE_ISSUED) && participantId.equals(record.key())).size() == 1);
    }

    private JsonNode certificatesOf(String participantId) {
        Api.Response answer = api.get(uri -> uri.path("/certificates").queryParam("participantId", participantId).build());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private double inboxDuplicates() {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", "certificate-issuer").counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean appliedByTheInbox(UUID eventId) {
        return jdbc.sql("select count(*) from aula_messaging.processed_event where consumer = ? and event_id = ?")
                .params("certificate-issuer", eventId)
                .query(Long.class)
                .single() == 1;
    }

    private static boolean hasEventId(ConsumerRecord<String, byte[]> record, UUID eventId) {
        Header header = record.headers().lastHeader(CloudEventHeaders.ID);
        return header != null && eventId.toString().equals(new String(header.value(), StandardCharsets.UTF_8));
    }
}
