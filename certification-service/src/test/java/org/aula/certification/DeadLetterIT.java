package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CloudEventHeaders;
import org.aula.events.CourseCompleted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@code course.completed} that cannot become a certificate goes to {@code session.events-dlt}
 * at once, with the reason, and does not hold up the completions behind it.
 */
@CertificationServiceTest
class DeadLetterIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.shared();

    @AutoClose
    private static EventScenario deadLetters;
    @AutoClose
    private static EventScenario certificationEvents;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void openProbes() {
        deadLetters = EventScenario.fromStart(Topics.deadLetterOf(Topics.SESSION));
        certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
    }

    static Stream<Arguments> unfitData() {
        return Stream.of(
                Arguments.of("a JSON array instead of an object", (UnaryOperator<String>) json -> "[" + json + "]",
                        "UndecodableEventException"),
                Arguments.of("text where a number of hours is required",
                        (UnaryOperator<String>) json -> with(json, "courseHours", "forty"), "\"forty\""),
                Arguments.of("not JSON at all", (UnaryOperator<String>) json -> json.substring(0, json.length() / 2),
                        "UndecodableEventException"),
                Arguments.of("a cohort that ends before it starts",
                        (UnaryOperator<String>) json -> with(json, "endDate", "2019-05-01"),
                        "end date must not be before start date"),
                Arguments.of("a completion without its holder's name",
                        (UnaryOperator<String>) json -> with(json, "participantName", ""),
                        "holder name is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfitData")
    void unfitCourseCompletedIsDeadLetteredWithItsReasonAndTheNextIsProcessed(String what, UnaryOperator<String> spoil,
            String reason) {
        Cohort cohort = CourseCompletedFixture.aCohort();
        CourseCompleted unfit = cohort.completion("Constant Pascascio");
        CourseCompleted fine = cohort.completion("Graciela Incer");
        UUID unfitEventId = UUID.randomUUID();
        double deadLettersBefore = undecodableDeadLetters();

        EventScenario.publish(spoiled(EventScenario.record(unfit, unfitEventId), spoil));
        EventScenario.publish(fine, UUID.randomUUID());

        ConsumerRecord<String, byte[]> deadLetter = await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> deadLetters.records(record -> hasEventId(record, unfitEventId)), records -> !records.isEmpty())
                .get(0);
        assertThat(header(deadLetter, "aula_dlt_reason")).contains(reason);
        assertThat(deadLetter.key()).isEqualTo(cohort.id());
        await().pollInSameThread().atMost(ARRIVAL)
                .until(() -> certificationEvents.records(record -> new Event(record).is(EventCatalog.CERTIFICATE_ISSUED) && fine.participantId().equals(record.key())),
                        records -> records.size() == 1);
        assertThat(undecodableDeadLetters()).isGreaterThanOrEqualTo(deadLettersBefore + 1);
        assertThat(certificationEvents.records(record -> new Event(record).is(EventCatalog.CERTIFICATE_ISSUED) && unfit.participantId().equals(record.key()))).isEmpty();
        assertThat(new Api(port).get(uri -> uri.path("/certificates").queryParam("cohortId", cohort.id()).build())
                .json().findValuesAsString("participantId"))
                .isEqualTo(List.of(fine.participantId()));
    }

    private static ProducerRecord<String, byte[]> spoiled(ProducerRecord<String, byte[]> record, UnaryOperator<String> spoil) {
        String json = new String(record.value(), StandardCharsets.UTF_8);
        return new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                spoil.apply(json).getBytes(StandardCharsets.UTF_8), record.headers());
    }

    private static String with(String json, String field, String value) {
        ObjectNode data = (ObjectNode) JSON.readTree(json);
        data.put(field, value);
        return JSON.writeValueAsString(data);
    }

    private double undecodableDeadLetters() {
        Counter counter = meters.find("aula.messaging.dead.letters")
                .tags("topic", Topics.SESSION, "reason", "undecodable").counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean hasEventId(ConsumerRecord<String, byte[]> record, UUID eventId) {
        return eventId.toString().equals(header(record, CloudEventHeaders.ID));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
