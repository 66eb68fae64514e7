package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.events.ParticipantEnrolled;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@SpringBootTest
@ContextConfiguration(initializers = TestInfrastructure.Initializer.class)
class DeadLettersIT {

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    RuntimeTestApplication.RosterListener listener;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void anOperatorListsADeadLetterWithItsReasonAndRedrivesItOnceTheCauseIsFixed() {
        ParticipantEnrolled event = new ParticipantEnrolled(UUID.randomUUID().toString(), "cohort-" + UUID.randomUUID(),
                "BMM-2019-05", "BMM", UUID.randomUUID().toString(), "BROKEN-UNTIL-FIXED", "MFA", 3, 3, 25, false, Instant.now());
        UUID eventId = UUID.randomUUID();
        EventScenario.publish(CloudEventRecords.of(event, eventId, "/aula/enrollment-service", Instant.now()));

        DeadLetters.DeadLetter letter = await().atMost(Duration.ofSeconds(30)).until(
                () -> deadLetters.list(10_000).stream().filter(l -> eventId.toString().equals(l.id())).findFirst().orElse(null),
                found -> found != null);
        assertThat(letter.topic()).isEqualTo(Topics.deadLetterOf(Topics.ENROLLMENT));
        assertThat(letter.originalTopic()).isEqualTo(Topics.ENROLLMENT);
        assertThat(letter.partition()).isEqualTo(letter.originalPartition());
        assertThat(letter.type()).isEqualTo("org.aula.enrollment.participant.enrolled.v1");
        // The class only: the exception's message quotes the participant's name, which erasure could never reach here.
        assertThat(letter.reason()).isEqualTo("java.lang.IllegalStateException");
        try (EventScenario deadLetterTopic = EventScenario.fromStart(letter.topic())) {
            Event found = deadLetterTopic.awaitEvents(
                    e -> e.offset() == letter.offset() && e.partition() == letter.partition(), 1).get(0);
            found.record().headers().forEach(header -> assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("header %s", header.key()).doesNotContain("BROKEN-UNTIL-FIXED"));
        }
        assertThat(rows(event)).isZero();

        listener.fixed = true;
        DeadLetters.Redriven redriven = deadLetters.redrive(letter.topic(), letter.partition(), letter.offset());

        assertThat(redriven.topic()).isEqualTo(Topics.ENROLLMENT);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows(event) == 1);
        // A second redrive of the same letter is recognised by the inbox: still one effect.
        double duplicatesBefore = duplicates();
        deadLetters.redrive(letter.topic(), letter.partition(), letter.offset());
        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() > duplicatesBefore);
        assertThat(rows(event)).isEqualTo(1);
        assertThat(listener.attempts.get(event.participantId()).get()).as("3 failed deliveries, then the redrive").isEqualTo(4);
        List<DeadLetters.DeadLetter> still = deadLetters.list(10_000);
        assertThat(still).extracting(DeadLetters.DeadLetter::id).containsOnlyOnce(eventId.toString());
    }

    private double duplicates() {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", "test-roster").counter();
        return counter == null ? 0 : counter.count();
    }

    private long rows(ParticipantEnrolled event) {
        return jdbc.sql("select count(*) from test_roster where participant_id = ?").param(event.participantId())
                .query(Long.class).single();
    }
}
