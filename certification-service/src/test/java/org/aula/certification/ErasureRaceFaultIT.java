package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.reliability.DeadLetterCount;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import javax.sql.DataSource;

import org.aula.testsupport.StoredText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fault scenario 11b: {@code participant.erased} (on {@code enrollment.events}, keyed by participant) racing the
 * facts that carry the name, {@code participant.enrolled} (enrollment, keyed by cohort) and
 * {@code course.completed} (session, keyed by cohort), into certification-service, in three groups: every
 * erasure applied before the name-carrying facts are sent, every certificate issued in the real name before the
 * erasure is sent, and both sent back to back in alternating order. Each erasure the broker acknowledged is a
 * write; its effect is the real name gone from every text and JSON column of the service's database and from what
 * it published after the erasure (each participant then completes a second cohort). A name that survives is
 * lost. The fast form ({@code ./mvnw verify}) erases 8 participants per order, the long form
 * ({@code -Daula.reliability.form=long}) 40.
 */
@CertificationServiceTest
class ErasureRaceFaultIT {

    private static final String FORM = System.getProperty("aula.reliability.form", "fast");
    private static final int PER_ORDER = "long".equals(FORM) ? 40 : 8;
    private static final Duration ARRIVAL = Duration.ofSeconds(60);
    private static final String PSEUDONYM = "Erased participant";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void noErasedNameSurvivesWhicheverOfErasureAndTheNamedFactsArrivesFirst() {
        FaultLedger ledger = new FaultLedger();
        long started = System.nanoTime();
        try (DeadLetterCount deadLetters = new DeadLetterCount();
                EventScenario certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION)) {
            Map<String, List<Participant>> groups = new LinkedHashMap<>();
            for (String group : List.of("erased-first", "named-first", "racing")) {
                Cohort cohort = CourseCompletedFixture.aCohort();
                List<Participant> participants = new ArrayList<>();
                for (int n = 0; n < PER_ORDER; n++) {
                    participants.add(new Participant(UUID.randomUUID().toString(),
                            "Official erin" + UUID.randomUUID().toString().substring(0, 8), cohort, n + 1));
                }
                groups.put(group, participants);
            }

            groups.get("erased-first").forEach(participant -> erase(participant, ledger));
            awaitErased(groups.get("erased-first"));
            groups.get("erased-first").forEach(Participant::publishNamedFacts);

            groups.get("named-first").forEach(Participant::publishNamedFacts);
            await().atMost(ARRIVAL).until(() -> holders(groups.get("named-first")).stream()
                    .filter(name -> name.startsWith("Official erin")).count() == PER_ORDER);
            // The search below finds a name where one is kept: before their erasure these names are.
            List<String> namedBeforeErasure = groups.get("named-first").stream().map(Participant::name).toList();
            assertThat(namesHeldInDatabase(namedBeforeErasure)).containsExactlyInAnyOrderElementsOf(namedBeforeErasure);
            groups.get("named-first").forEach(participant -> erase(participant, ledger));

            for (Participant participant : groups.get("racing")) {
                if (participant.seat() % 2 == 0) {
                    erase(participant, ledger);
                    participant.publishNamedFacts();
                } else {
                    participant.publishNamedFacts();
                    erase(participant, ledger);
                }
            }

            List<Participant> everyone = groups.values().stream().flatMap(List::stream).toList();
            awaitErased(everyone);
            await().atMost(ARRIVAL).until(() -> holders(everyone), holders -> holders.size() == everyone.size()
                    && holders.stream().allMatch(PSEUDONYM::equals));

            // What is published after the erasure: a second certificate each, from another cohort.
            Cohort later = CourseCompletedFixture.aCohort();
            Set<String> laterCompletions = new HashSet<>();
            for (Participant participant : everyone) {
                CourseCompleted completion = later.completion(participant.id(), participant.name(),
                        Instant.now().minus(1, ChronoUnit.HOURS));
                laterCompletions.add(completion.completionId());
                EventScenario.publish(completion, UUID.randomUUID());
            }
            Set<String> participantIds = everyone.stream().map(Participant::id).collect(Collectors.toSet());
            List<ConsumerRecord<String, byte[]>> publishedLater = await().pollInSameThread().atMost(ARRIVAL)
                    .until(() -> certificationEvents.records(record -> participantIds.contains(record.key())
                                    && laterCompletions.contains(completionIdOf(record))),
                            records -> records.size() == everyone.size());
            List<ConsumerRecord<String, byte[]>> publishedAfterErasure = new ArrayList<>(publishedLater);
            // The first group's certificates were all issued after its erasures.
            Set<String> erasedFirst = groups.get("erased-first").stream().map(Participant::id).collect(Collectors.toSet());
            publishedAfterErasure.addAll(certificationEvents.records(record -> erasedFirst.contains(record.key())));
            long took = System.nanoTime() - started;

            Set<String> surviving = namesHeldInDatabase(everyone.stream().map(Participant::name).toList());
            for (ConsumerRecord<String, byte[]> record : publishedAfterErasure) {
                String text = new String(record.value(), StandardCharsets.UTF_8);
                everyone.stream().map(Participant::name).filter(text::contains).forEach(surviving::add);
            }
            everyone.stream().filter(participant -> !surviving.contains(participant.name()))
                    .forEach(participant -> ledger.observed(participant.id(), participant.id()));
            Set<String> keys = new HashSet<>(participantIds);
            groups.values().forEach(participants -> keys.add(participants.get(0).cohort().id()));
            keys.add(later.id());
            long deadLetterCount = deadLetters.of(keys);

            assertThat(publishedAfterErasure).extracting(record -> EventScenario.dataOf(record).get("participantName").asString())
                    .containsOnly(PSEUDONYM);
            assertThat(surviving).as("real names left in the database or in what was published after the erasure").isEmpty();
            assertThat(ledger.acknowledgedCount()).isEqualTo(3 * PER_ORDER);
            assertThat(ledger.lost()).as("erased participants whose name survives").isEmpty();
            assertThat(ledger.duplicates()).isZero();
            assertThat(ledger.orderViolations()).isZero();
            assertThat(deadLetterCount).isZero();

            ReliabilityReport.record(new ReliabilityReport.Row("11b-erasure-races-enrolment-certification",
                    "certification-service: participant.erased racing participant.enrolled and course.completed "
                            + "(erasure first, certificate first, back to back); name searched in every text/JSON column "
                            + "and in the events published after",
                    String.format(Locale.ROOT, "%d erasures (%d per order)", 3 * PER_ORDER, PER_ORDER),
                    "erasure and named facts on different topics and keys, so in either order",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetterCount,
                    "n/a (" + ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(took)) + " until all names gone)", FORM));
        }
    }

    /** A participant of a cohort, under a name no other test uses. */
    private record Participant(String id, String name, Cohort cohort, int seat) {

        /** The enrolment (enrollment-service's fact, which certification ignores) and the completion (session's). */
        void publishNamedFacts() {
            EventScenario.publish(new ParticipantEnrolled(UUID.randomUUID().toString(), cohort.id(), cohort.code(),
                    cohort.courseCode(), id, name, "BZ-POLICE", seat, seat, 40, false,
                    Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS)), UUID.randomUUID());
            EventScenario.publish(cohort.completion(id, name, Instant.now().minus(1, ChronoUnit.HOURS)), UUID.randomUUID());
        }
    }

    private static void erase(Participant participant, FaultLedger ledger) {
        EventScenario.publish(new ParticipantErased(participant.id(), Instant.now().truncatedTo(ChronoUnit.MILLIS)), UUID.randomUUID());
        ledger.acknowledged(participant.id(), participant.id());
    }

    private void awaitErased(List<Participant> participants) {
        List<String> ids = participants.stream().map(Participant::id).toList();
        await().atMost(ARRIVAL).until(() -> jdbc.sql("select count(*) from erased_participant where participant_id in (:ids)")
                .param("ids", ids).query(Long.class).single() == ids.size());
    }

    /** The holder names on the participants' certificates. */
    private List<String> holders(List<Participant> participants) {
        return jdbc.sql("select holder_name from certificate where participant_id in (:ids)")
                .param("ids", participants.stream().map(Participant::id).toList()).query(String.class).list();
    }

    private static String completionIdOf(ConsumerRecord<String, byte[]> record) {
        var completionId = EventScenario.dataOf(record).get("completionId");
        return completionId == null ? "" : completionId.asString();
    }

    /** Which of the values any text, text array or JSON column of any table in the service's database holds. */
    private Set<String> namesHeldInDatabase(List<String> values) {
        StoredText stored = StoredText.of(dataSource);
        assertThat(stored.tables()).as("tables with text columns").contains("certificate", "outbox");
        return stored.held(values);
    }
}
