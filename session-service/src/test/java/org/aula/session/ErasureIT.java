package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.aula.events.CourseCompleted;
import org.aula.events.Topics;
import org.aula.session.domain.roster.RosterEntry;
import javax.sql.DataSource;

import org.aula.testsupport.EventScenario;
import org.aula.testsupport.StoredText;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * {@code participant.erased} is keyed by participant and {@code participant.enrolled} by cohort,
 * so they may arrive in either order. Whichever comes first, the real name must be nowhere the
 * service keeps it (any text column of its database) and in nothing it publishes afterwards.
 */
@SessionServiceTest
class ErasureIT {

    @AutoClose
    private static EventScenario events;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void open() {
        events = EventScenario.fromStart(Topics.SESSION);
    }

    @Test
    void aNameErasedAfterTheEnrolmentIsNowhereTheServiceKeepsOrLaterPublishes() {
        TestCohort cohort = TestCohort.ofSeats(2);
        String name = uniqueName();
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled(name, 1));
        awaitRosterName(cohort, name, "Official " + name);

        EventScenario.publish(cohort.erased(name));
        awaitRosterName(cohort, name, RosterEntry.ERASED_NAME);

        assertNameLeftNoTrace(cohort, name);
    }

    @Test
    void anErasureThatArrivesBeforeTheEnrolmentKeepsTheNameOut() {
        TestCohort cohort = TestCohort.ofSeats(2);
        String name = uniqueName();
        awaitApplied(EventScenario.publish(cohort.erased(name)));

        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled(name, 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        awaitRosterSize(cohort, 2);

        assertThat(rosterName(cohort, name)).isEqualTo(RosterEntry.ERASED_NAME);
        assertThat(rosterName(cohort, "bob")).as("others keep their names").isEqualTo("Official bob");
        assertNameLeftNoTrace(cohort, name);
    }

    @Test
    void anErasedParticipantWhoEnrolsAgainAfterWithdrawingStaysPseudonymous() {
        TestCohort cohort = TestCohort.ofSeats(2);
        String name = uniqueName();
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled(name, 1));
        EventScenario.publish(cohort.withdrawn(name, 1));
        EventScenario.publish(cohort.erased(name));
        EventScenario.publish(cohort.enrolled(name, 1));
        await().atMost(EventScenario.WAIT).until(() -> participant(cohort, name),
                entry -> entry != null && entry.path("status").asString().equals("ENROLLED"));

        assertThat(rosterName(cohort, name)).isEqualTo(RosterEntry.ERASED_NAME);
        assertNameLeftNoTrace(cohort, name);
    }

    /**
     * Provokes a {@code course.completed} for the participant (the event that carries a name), then
     * searches it, every other event published about the cohort, and every text column of the database.
     */
    private void assertNameLeftNoTrace(TestCohort cohort, String name) {
        String realName = "Official " + name;
        String hours = String.valueOf(cohort.hours);
        assertThat(api().complete(cohort.id, cohort.participant(name), hours).status()).isEqualTo(201);

        CourseCompleted completed = events.awaitEvents(cohort.id, CourseCompleted.class,
                found -> found.stream().anyMatch(event -> event.participantId().equals(cohort.participant(name))))
                .stream().filter(event -> event.participantId().equals(cohort.participant(name))).findFirst().orElseThrow();
        assertThat(completed.participantName()).isEqualTo(RosterEntry.ERASED_NAME);
        assertThat(events.of(cohort.id)).as("events published about the cohort")
                .noneMatch(event -> event.text().contains(realName));
        assertThat(columnsHolding(realName)).as("text columns of the session database holding the name").isEmpty();
    }

    /** Every {@code schema.table.column} of text (or text array, or JSON) that holds the value. */
    private List<String> columnsHolding(String value) {
        StoredText stored = StoredText.of(dataSource);
        assertThat(stored.tables()).as("tables with text columns").contains("roster_entry", "outbox");
        return stored.columnsHolding(value);
    }

    private void awaitApplied(UUID eventId) {
        await().atMost(EventScenario.WAIT).until(() -> jdbc.sql(
                        "select count(*) from aula_messaging.processed_event where event_id = ?")
                .param(eventId).query(Long.class).single() == 1);
    }

    private void awaitRosterName(TestCohort cohort, String name, String expected) {
        await().atMost(EventScenario.WAIT).until(() -> participant(cohort, name),
                entry -> entry != null && entry.path("name").asString().equals(expected));
    }

    private void awaitRosterSize(TestCohort cohort, int size) {
        await().atMost(EventScenario.WAIT).until(() -> {
            SessionApi.Response roster = api().roster(cohort.id);
            return roster.status() == 200 && roster.json().path("participants").size() == size;
        });
    }

    private String rosterName(TestCohort cohort, String name) {
        JsonNode entry = participant(cohort, name);
        assertThat(entry).as("roster entry of %s", name).isNotNull();
        return entry.path("name").asString();
    }

    private JsonNode participant(TestCohort cohort, String name) {
        SessionApi.Response roster = api().roster(cohort.id);
        if (roster.status() != 200) {
            return null;
        }
        for (JsonNode entry : roster.json().path("participants")) {
            if (entry.path("participantId").asString().equals(cohort.participant(name))) {
                return entry;
            }
        }
        return null;
    }

    /** A name no other test uses, so a search of the whole database finds only this test's traces. */
    private static String uniqueName() {
        return "erin" + UUID.randomUUID().toString().substring(0, 8);
    }

    private SessionApi api() {
        return new SessionApi(port);
    }
}
