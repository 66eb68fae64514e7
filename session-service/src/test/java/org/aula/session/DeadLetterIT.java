package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.aula.events.CohortScheduled;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.events.runtime.MessagingAutoConfiguration;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SessionServiceTest
class DeadLetterIT {

    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.deadLetterOf(Topics.ENROLLMENT);

    @AutoClose
    private static EventScenario deadLetters;

    @LocalServerPort
    int port;
    private SessionApi api;

    @BeforeAll
    static void open() {
        deadLetters = EventScenario.fromStart(DEAD_LETTERS);
    }

    @BeforeEach
    void api() {
        api = new SessionApi(port);
    }

    @Test
    void aRecordWithAGarbageValueIsDeadLetteredAndTheNextRecordIsProcessed() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(CloudEventRecords.of(Topics.ENROLLMENT, cohort.id, UUID.randomUUID(),
                EventCatalog.PARTICIPANT_ENROLLED.type(), EventScenario.sourceOf(Topics.ENROLLMENT), Instant.now(), cohort.id,
                "{this is not json"));
        EventScenario.publish(cohort.scheduled());

        ConsumerRecord<String, byte[]> deadLetter = awaitOneDeadLetter(cohort);

        assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
        assertThat(reason(deadLetter)).contains("UndecodableEventException");
        awaitRosterOf(cohort);
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsDeadLetteredAndTheNextRecordIsProcessed() {
        TestCohort cohort = TestCohort.ofSeats(3);
        byte[] json = "{\"cohortId\":\"%s\"}".formatted(cohort.id).getBytes(StandardCharsets.UTF_8);
        EventScenario.publish(new ProducerRecord<>(Topics.ENROLLMENT, cohort.id, json));
        EventScenario.publish(cohort.scheduled());

        ConsumerRecord<String, byte[]> deadLetter = awaitOneDeadLetter(cohort);

        assertThat(reason(deadLetter)).contains("ce_specversion");
        awaitRosterOf(cohort);
    }

    @Test
    void anEventBreakingItsContractIsDeadLetteredWithoutRetries() {
        TestCohort cohort = TestCohort.ofSeats(3);
        CohortScheduled good = cohort.scheduled();
        EventScenario.publish(new CohortScheduled(good.cohortId(), good.cohortCode(), good.courseCode(), good.courseTitle(),
                0, good.startDate(), good.endDate(), good.location(), good.capacity(), good.facilitator()));
        EventScenario.publish(cohort.enrolled("ana", 1));

        ConsumerRecord<String, byte[]> deadLetter = awaitOneDeadLetter(cohort);

        assertThat(reason(deadLetter)).contains("breaks its contract").contains("course hours");
        awaitRosterOf(cohort);
        assertThat(api.roster(cohort.id).json().path("courseHours").isNull()).isTrue();
    }

    private ConsumerRecord<String, byte[]> awaitOneDeadLetter(TestCohort cohort) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(KAFKA)
                .until(() -> deadLetters.of(cohort.id).stream().map(Event::record).toList(), found -> !found.isEmpty());
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private void awaitRosterOf(TestCohort cohort) {
        await().atMost(KAFKA).until(() -> api.roster(cohort.id).status() == 200);
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(MessagingAutoConfiguration.DEAD_LETTER_REASON);
        assertThat(header).as("header %s", MessagingAutoConfiguration.DEAD_LETTER_REASON).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
