package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.events.AulaEvent;
import org.aula.events.EventCatalog;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

@SessionServiceTest
class RosterFromEnrollmentEventsIT {

    private static final Duration KAFKA = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private SessionApi api;

    @BeforeEach
    void api() {
        api = new SessionApi(port);
    }

    @AfterAll
    static void closeFeed() {
    }

    @Test
    void enrolmentEventsBuildTheRosterAndCohortFilledLocksIt() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.enrolled("cy", 3));
        EventScenario.publish(cohort.waitlisted("dee", 1));
        EventScenario.publish(cohort.filled(1));

        JsonNode roster = awaitRoster(cohort, body -> body.path("locked").asBoolean());

        assertThat(roster.path("cohortId").asString()).isEqualTo(cohort.id);
        assertThat(roster.path("cohortCode").asString()).isEqualTo(cohort.code);
        assertThat(roster.path("courseCode").asString()).isEqualTo(TestCohort.COURSE_CODE);
        assertThat(roster.path("courseHours").asInt()).isEqualTo(40);
        assertThat(participants(roster)).containsExactly(
                Map.of("participantId", cohort.participant("ana"), "name", "Official ana",
                        "institutionCode", "BZ-POLICE", "seatNumber", 1, "status", "ENROLLED"),
                Map.of("participantId", cohort.participant("bob"), "name", "Official bob",
                        "institutionCode", "BZ-POLICE", "seatNumber", 2, "status", "ENROLLED"),
                Map.of("participantId", cohort.participant("cy"), "name", "Official cy",
                        "institutionCode", "BZ-IMMIGRATION", "seatNumber", 3, "status", "ENROLLED"));
        assertThat(jdbc.sql("select fill_number from cohort where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void withdrawalMarksTheEntryAndALaterReEnrolmentReactivatesIt() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.scheduled());
        AulaEvent firstEnrolment = cohort.enrolled("ana", 1);
        EventScenario.publish(firstEnrolment);
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.withdrawn("ana", 1));
        // The first enrolment re-sent after the withdrawal (a new event id): an old fact, ignored.
        EventScenario.publish(firstEnrolment);
        EventScenario.publish(cohort.enrolled("cy", 3));

        JsonNode roster = awaitRoster(cohort, body -> body.path("participants").size() == 3);
        assertThat(statusOf(roster, cohort.participant("ana"))).isEqualTo("WITHDRAWN");
        assertThat(statusOf(roster, cohort.participant("bob"))).isEqualTo("ENROLLED");

        EventScenario.publish(cohort.enrolled("ana", 1));

        JsonNode reactivated = awaitRoster(cohort,
                body -> "ENROLLED".equals(statusOf(body, cohort.participant("ana"))));
        assertThat(reactivated.path("participants").size()).isEqualTo(3);
    }

    @Test
    void redeliveringEveryEventThreeTimesLeavesTheRosterUnchanged() {
        TestCohort cohort = TestCohort.ofSeats(3);
        List<AulaEvent> story = List.of(cohort.scheduled(), cohort.enrolled("ana", 1), cohort.enrolled("bob", 2),
                cohort.withdrawn("bob", 2), cohort.enrolled("cy", 2), cohort.enrolled("dee", 3), cohort.filled(1));
        Map<AulaEvent, UUID> ids = new java.util.LinkedHashMap<>();
        story.forEach(event -> ids.put(event, EventScenario.publish(event)));
        JsonNode before = awaitRoster(cohort, body -> body.path("locked").asBoolean());
        double duplicatesBefore = duplicatesSkipped();

        for (int round = 0; round < 3; round++) {
            ids.forEach(EventScenario::publish);
        }

        await().atMost(KAFKA).until(() -> duplicatesSkipped() >= duplicatesBefore + 3 * story.size());
        assertThat(api.roster(cohort.id).json()).isEqualTo(before);
        assertThat(entryRows(cohort)).isEqualTo(4);
        // The fill published the delivery plan once, however often it was redelivered.
        assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = ? and type = ?")
                .params(cohort.id, EventCatalog.DELIVERY_PLAN_PUBLISHED.type()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void theSameEnrolmentUnderANewEventIdStillLeavesOneEntry() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.scheduled());
        AulaEvent enrolment = cohort.enrolled("ana", 1);
        EventScenario.publish(enrolment);
        UUID resent = EventScenario.publish(enrolment);
        // Same key, same partition: once bob is on the roster, the re-sent enrolment was handled before.
        EventScenario.publish(cohort.enrolled("bob", 2));

        JsonNode roster = awaitRoster(cohort, body -> body.path("participants").size() == 2);

        assertThat(participants(roster)).filteredOn(p -> p.get("participantId").equals(cohort.participant("ana")))
                .singleElement()
                .satisfies(ana -> assertThat(ana).containsEntry("seatNumber", 1).containsEntry("status", "ENROLLED"));
        assertThat(entryRows(cohort)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from aula_messaging.processed_event where event_id = ?")
                .param(resent).query(Integer.class).single())
                .as("the re-sent enrolment passed the inbox and was absorbed by the roster itself")
                .isEqualTo(1);
    }

    @Test
    void anEnrolmentArrivingBeforeTheCohortsScheduleIsKept() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.enrolled("ana", 1));

        JsonNode unscheduled = awaitRoster(cohort, body -> body.path("participants").size() == 1);
        assertThat(unscheduled.path("courseHours").isNull()).isTrue();
        assertThat(unscheduled.path("cohortCode").asString()).isEqualTo(cohort.code);

        EventScenario.publish(cohort.scheduled());

        JsonNode scheduled = awaitRoster(cohort, body -> body.path("courseHours").asInt() == 40);
        assertThat(participants(scheduled)).extracting(p -> p.get("participantId"))
                .containsExactly(cohort.participant("ana"));
    }

    @Test
    void aWithdrawalOfSomeoneNeverEnrolledIsIgnored() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.withdrawn("ghost", null));
        EventScenario.publish(cohort.enrolled("ana", 1));

        JsonNode roster = awaitRoster(cohort, body -> body.path("participants").size() == 1);

        assertThat(statusOf(roster, cohort.participant("ana"))).isEqualTo("ENROLLED");
        assertThat(entryRows(cohort)).isEqualTo(1);
    }

    @Test
    void anUnknownCohortIsA404Problem() {
        SessionApi.Response response = api.roster("cohort-never-scheduled");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("cohort-never-scheduled");
    }

    private JsonNode awaitRoster(TestCohort cohort, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(KAFKA).until(() -> api.roster(cohort.id),
                        response -> response.status() == 200 && condition.test(response.json()))
                .json();
    }

    private static List<Map<String, Object>> participants(JsonNode roster) {
        List<Map<String, Object>> participants = new java.util.ArrayList<>();
        roster.path("participants").forEach(p -> participants.add(Map.of(
                "participantId", p.path("participantId").asString(),
                "name", p.path("name").asString(),
                "institutionCode", p.path("institutionCode").asString(),
                "seatNumber", p.path("seatNumber").asInt(),
                "status", p.path("status").asString())));
        return participants;
    }

    private static String statusOf(JsonNode roster, String participantId) {
        for (JsonNode participant : roster.path("participants")) {
            if (participant.path("participantId").asString().equals(participantId)) {
                return participant.path("status").asString();
            }
        }
        return "ABSENT";
    }

    private int entryRows(TestCohort cohort) {
        return jdbc.sql("select count(*) from roster_entry where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single();
    }

    private double duplicatesSkipped() {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", "session-roster").counter();
        return counter == null ? 0 : counter.count();
    }
}
