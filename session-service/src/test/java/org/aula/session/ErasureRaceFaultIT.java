package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

import org.aula.events.CourseCompleted;
import org.aula.events.Topics;
import org.aula.session.domain.roster.RosterEntry;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.aula.testsupport.reliability.DeadLetterCount;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import javax.sql.DataSource;

import org.aula.testsupport.StoredText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Fault scenario 11a: {@code participant.erased} (keyed by participant) racing {@code participant.enrolled} (keyed
 * by cohort) into session-service, in three cohorts: every erasure applied before its enrolment is sent, every
 * enrolment on the roster before its erasure is sent, and both sent back to back in alternating order with no
 * wait. Each erasure the broker acknowledged is a write; its effect is the real name gone from every text and JSON
 * column of the service's database and from everything it published about the cohort afterwards (a
 * {@code course.completed} is provoked for each participant, the event that carries a name). A name that survives
 * is lost. The fast form ({@code ./mvnw verify}) erases 8 participants per order, the long form
 * ({@code -Daula.reliability.form=long}) 40.
 */
@SessionServiceTest
class ErasureRaceFaultIT {

    private static final String FORM = System.getProperty("aula.reliability.form", "fast");
    private static final int PER_ORDER = "long".equals(FORM) ? 40 : 8;
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void noErasedNameSurvivesWhicheverOfErasureAndEnrolmentArrivesFirst() {
        FaultLedger ledger = new FaultLedger();
        long started = System.nanoTime();
        try (EventScenario events = EventScenario.fromStart(Topics.SESSION);
                DeadLetterCount deadLetters = new DeadLetterCount()) {
            TestCohort erasedFirst = TestCohort.ofSeats(PER_ORDER);
            TestCohort enrolledFirst = TestCohort.ofSeats(PER_ORDER);
            TestCohort racing = TestCohort.ofSeats(PER_ORDER);
            Map<TestCohort, List<String>> names = new LinkedHashMap<>();
            for (TestCohort cohort : List.of(erasedFirst, enrolledFirst, racing)) {
                names.put(cohort, uniqueNames(PER_ORDER));
            }

            List<UUID> erasures = new ArrayList<>();
            for (String name : names.get(erasedFirst)) {
                erasures.add(EventScenario.publish(erasedFirst.erased(name)));
                ledger.acknowledged(erasedFirst.participant(name), erasedFirst.id);
            }
            await().atMost(ARRIVAL).until(() -> applied(erasures) == erasures.size());
            EventScenario.publish(erasedFirst.scheduled());
            enrolAll(erasedFirst, names.get(erasedFirst));

            EventScenario.publish(enrolledFirst.scheduled());
            enrolAll(enrolledFirst, names.get(enrolledFirst));
            await().atMost(ARRIVAL).until(() -> rosterNames(enrolledFirst).values().stream()
                    .filter(name -> name.startsWith("Official ")).count() == PER_ORDER);
            // The search below finds a name where one is kept: before their erasure these names are.
            List<String> namedBeforeErasure = names.get(enrolledFirst).stream().map(ErasureRaceFaultIT::realName).toList();
            assertThat(namesHeldInDatabase(namedBeforeErasure)).containsExactlyInAnyOrderElementsOf(namedBeforeErasure);
            for (String name : names.get(enrolledFirst)) {
                EventScenario.publish(enrolledFirst.erased(name));
                ledger.acknowledged(enrolledFirst.participant(name), enrolledFirst.id);
            }

            EventScenario.publish(racing.scheduled());
            int seat = 1;
            for (String name : names.get(racing)) {
                if (seat % 2 == 0) {
                    EventScenario.publish(racing.erased(name));
                    EventScenario.publish(racing.enrolled(name, seat));
                } else {
                    EventScenario.publish(racing.enrolled(name, seat));
                    EventScenario.publish(racing.erased(name));
                }
                ledger.acknowledged(racing.participant(name), racing.id);
                seat++;
            }

            for (TestCohort cohort : names.keySet()) {
                await().atMost(ARRIVAL).until(() -> rosterNames(cohort), roster -> roster.size() == PER_ORDER
                        && roster.values().stream().allMatch(RosterEntry.ERASED_NAME::equals));
                for (String name : names.get(cohort)) {
                    assertThat(api().complete(cohort.id, cohort.participant(name), String.valueOf(cohort.hours)).status())
                            .isEqualTo(201);
                }
                List<CourseCompleted> completed = events.awaitEvents(cohort.id, CourseCompleted.class, found -> found.size() >= PER_ORDER);
                assertThat(completed).extracting(CourseCompleted::participantName).containsOnly(RosterEntry.ERASED_NAME);
            }
            long took = System.nanoTime() - started;

            Set<String> surviving = new HashSet<>(namesHeldInDatabase(names.values().stream().flatMap(List::stream)
                    .map(ErasureRaceFaultIT::realName).toList()));
            names.forEach((cohort, cohortNames) -> {
                List<String> published = events.of(cohort.id).stream()
                        .map(Event::text).toList();
                cohortNames.stream().filter(name -> published.stream().anyMatch(text -> text.contains(realName(name))))
                        .forEach(name -> surviving.add(realName(name)));
            });
            names.forEach((cohort, cohortNames) -> cohortNames.stream()
                    .filter(name -> !surviving.contains(realName(name)))
                    .forEach(name -> ledger.observed(cohort.participant(name), cohort.id)));
            Set<String> keys = new HashSet<>();
            names.forEach((cohort, cohortNames) -> {
                keys.add(cohort.id);
                cohortNames.forEach(name -> keys.add(cohort.participant(name)));
            });
            long deadLetterCount = deadLetters.of(keys);

            assertThat(surviving).as("real names left in the database or in what was published").isEmpty();
            assertThat(ledger.acknowledgedCount()).isEqualTo(3 * PER_ORDER);
            assertThat(ledger.lost()).as("erased participants whose name survives").isEmpty();
            assertThat(ledger.duplicates()).isZero();
            assertThat(ledger.orderViolations()).isZero();
            assertThat(deadLetterCount).isZero();

            ReliabilityReport.record(new ReliabilityReport.Row("11a-erasure-races-enrolment-session",
                    "session-service: participant.erased racing participant.enrolled (erasure first, enrolment first, "
                            + "back to back); name searched in every text/JSON column and in the events published after",
                    String.format(Locale.ROOT, "%d erasures (%d per order)", 3 * PER_ORDER, PER_ORDER),
                    "erasure and enrolment on different keys, so in either order",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetterCount,
                    "n/a (" + ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(took)) + " until all names gone)", FORM));
        }
    }

    private static void enrolAll(TestCohort cohort, List<String> names) {
        int seat = 1;
        for (String name : names) {
            EventScenario.publish(cohort.enrolled(name, seat++));
        }
    }

    private long applied(List<UUID> eventIds) {
        return jdbc.sql("select count(distinct event_id) from aula_messaging.processed_event where event_id in (:ids)")
                .param("ids", eventIds).query(Long.class).single();
    }

    /** The roster's names by participant id (empty until the cohort is known). */
    private Map<String, String> rosterNames(TestCohort cohort) {
        SessionApi.Response roster = api().roster(cohort.id);
        Map<String, String> names = new LinkedHashMap<>();
        if (roster.status() == 200) {
            for (JsonNode entry : roster.json().path("participants")) {
                names.put(entry.path("participantId").asString(), entry.path("name").asString());
            }
        }
        return names;
    }

    /** Which of the values any text, text array or JSON column of any table in the service's database holds. */
    private Set<String> namesHeldInDatabase(List<String> values) {
        StoredText stored = StoredText.of(dataSource);
        assertThat(stored.tables()).as("tables with text columns").contains("roster_entry", "outbox");
        return stored.held(values);
    }

    private static List<String> uniqueNames(int count) {
        List<String> names = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            names.add("erin" + UUID.randomUUID().toString().substring(0, 8));
        }
        return names;
    }

    private static String realName(String name) {
        return "Official " + name;
    }

    private SessionApi api() {
        return new SessionApi(port);
    }
}
