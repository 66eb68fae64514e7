package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.aula.events.DeliveryPlanPublished;
import org.aula.events.EventCatalog;
import org.aula.events.PlannedSession;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@SessionServiceTest
class DeliveryPlanIT {

    @AutoClose
    private static EventScenario events;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void open() {
        events = EventScenario.fromStart(Topics.SESSION);
    }

    @Test
    void aFillPublishesOnePlanFromTheDefaultTemplateHoweverOftenItArrives() {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        var fill = cohort.filled(1);
        UUID fillId = EventScenario.publish(fill);
        EventScenario.publish(fill, fillId);        // redelivered: same event id
        EventScenario.publish(fill);                // re-sent: another event id
        EventScenario.publish(cohort.withdrawn("bob", 2));
        EventScenario.publish(cohort.enrolled("cy", 2));
        EventScenario.publish(cohort.filled(2));    // the cohort re-fills: the lock moves, the plan stays

        await().atMost(EventScenario.WAIT).until(() -> api().roster(cohort.id).json().path("participants").size() == 3);
        assertThat(jdbc.sql("select fill_number from cohort where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single()).isEqualTo(2);
        // The outbox is what the relay publishes: one row, one plan.
        assertThat(plansInOutbox(cohort)).isEqualTo(1);
        List<DeliveryPlanPublished> plans = events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1);
        assertThat(plans).hasSize(1);
        DeliveryPlanPublished plan = plans.get(0);
        assertThat(plan.revision()).isEqualTo(1);
        assertThat(plan.hoursScheduled()).isEqualTo(40.0);
        assertThat(plan.sessions()).extracting(PlannedSession::topic).containsSubsequence("Human rights",
                "Mixed migration flows", "Factors that influence migration", "International organized crime",
                "Emergencies", "Migration management");
        assertThat(plan.sessions()).extracting(PlannedSession::method).contains("LECTURE", "CASE_STUDY", "ROLE_PLAY");
        assertThat(plan.sessions()).extracting(PlannedSession::date)
                .allSatisfy(date -> assertThat(date).isBetween(TestCohort.START, TestCohort.END));
        assertThat(plan.sessions().stream().mapToDouble(PlannedSession::hours).sum()).isEqualTo(40.0);
    }

    @Test
    void aCourseDefinedWithItsOwnTopicsAndHoursIsPlannedByThem() {
        TestCohort cohort = TestCohort.ofOwnCourse(1);
        EventScenario.publish(cohort.courseDefined(36, List.of("Refugee law", "Border management", "Trafficking")));
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.filled(1));

        DeliveryPlanPublished plan = events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1).get(0);

        assertThat(plan.hoursScheduled()).isEqualTo(36.0);
        assertThat(plan.sessions()).extracting(PlannedSession::topic).containsExactly("Refugee law", "Refugee law",
                "Border management", "Border management", "Trafficking", "Trafficking");
        assertThat(plan.sessions()).extracting(PlannedSession::date).containsExactly(TestCohort.START, TestCohort.START,
                TestCohort.START.plusDays(2), TestCohort.START.plusDays(2), TestCohort.START.plusDays(4),
                TestCohort.START.plusDays(4));
    }

    @Test
    void aCohortThatFilledBeforeItsScheduleArrivedIsPlannedWhenItDoes() {
        TestCohort cohort = TestCohort.ofSeats(1);
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.filled(1));
        await().atMost(EventScenario.WAIT).until(() -> api().roster(cohort.id).json().path("locked").asBoolean(false));
        assertThat(api().plan(cohort.id).status()).isEqualTo(404);

        EventScenario.publish(cohort.scheduled());

        assertThat(events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1).get(0).hoursScheduled()).isEqualTo(40.0);
    }

    @Test
    void staffLockARosterBeforeItFillsAndGetItsPlanOnce() {
        SessionApi api = api();
        TestCohort cohort = TestCohort.ofSeats(25);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        await().atMost(EventScenario.WAIT).until(() -> api.roster(cohort.id).status() == 200
                && api.roster(cohort.id).json().path("courseHours").asInt() == 40);

        SessionApi.Response locked = api.post("/cohorts/" + cohort.id + "/roster/lock", "");
        SessionApi.Response again = api.post("/cohorts/" + cohort.id + "/roster/lock", "");

        assertThat(locked.status()).isEqualTo(200);
        assertThat(locked.json().path("revision").asInt()).isEqualTo(1);
        assertThat(locked.json().path("sessions").size()).isEqualTo(12);
        assertThat(again.json().path("planId")).isEqualTo(locked.json().path("planId"));
        assertThat(api.roster(cohort.id).json().path("locked").asBoolean()).isTrue();
        // A later fill moves the lock; the plan stays revision 1, published once.
        EventScenario.publish(cohort.filled(1));
        await().atMost(EventScenario.WAIT).until(() -> jdbc.sql("select fill_number from cohort where cohort_id = ?")
                .param(cohort.id).query(Integer.class).single() == 1);
        assertThat(plansInOutbox(cohort)).isEqualTo(1);
        assertThat(events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1)).hasSize(1);
    }

    @Test
    void lockingACohortWithoutScheduleOrUnknownIsRefused() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.enrolled("ana", 1));
        await().atMost(EventScenario.WAIT).until(() -> api().roster(cohort.id).status() == 200);

        assertProblem(api().post("/cohorts/" + cohort.id + "/roster/lock", ""), 409, null);
        assertProblem(api().post("/cohorts/cohort-unknown/roster/lock", ""), 404, null);
        assertThat(api().roster(cohort.id).json().path("locked").asBoolean()).isFalse();
    }

    @Test
    void staffAdjustThePlanBeforeDeliveryEachChangeANewRevisionPublished() {
        SessionApi api = api();
        TestCohort cohort = filledCohort();
        String sessions = "/cohorts/" + cohort.id + "/plan/sessions";

        JsonNode moved = api.put(sessions + "/S01", session("2019-05-14", "Human rights", "DISCUSSION", "3.5")).json();
        SessionApi.Response same = api.put(sessions + "/S01", session("2019-05-14", "Human rights", "DISCUSSION", "3.5"));
        SessionApi.Response added = api.post(sessions, session("2019-05-18", "Field visit: border post", "FIELD_VISIT", "2"));
        SessionApi.Response removed = api.delete(sessions + "/S13");

        assertThat(moved.path("revision").asInt()).isEqualTo(2);
        assertThat(moved.path("hoursScheduled").asDouble()).isEqualTo(39.5);
        assertThat(same.json().path("revision").asInt()).isEqualTo(2);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("revision").asInt()).isEqualTo(3);
        assertThat(added.json().path("sessions").findValuesAsString("sessionId")).contains("S13");
        assertThat(removed.json().path("revision").asInt()).isEqualTo(4);
        List<DeliveryPlanPublished> published = events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 4);
        assertThat(published).extracting(DeliveryPlanPublished::revision).containsExactly(1, 2, 3, 4);
        assertThat(published.get(1).sessions()).filteredOn(s -> s.sessionId().equals("S01")).singleElement()
                .satisfies(s -> {
                    assertThat(s.method()).isEqualTo("DISCUSSION");
                    assertThat(s.hours()).isEqualTo(3.5);
                    assertThat(s.date()).isEqualTo(TestCohort.START.plusDays(1));
                });
        assertThat(published.get(2).hoursScheduled()).isEqualTo(41.5);
        assertThat(published.get(3).hoursScheduled()).isEqualTo(39.5);
    }

    @Test
    void invalidChangesAreProblemsAndChangeNothing() {
        SessionApi api = api();
        TestCohort cohort = filledCohort();
        String s01 = "/cohorts/" + cohort.id + "/plan/sessions/S01";

        assertProblem(api.put(s01, session("2019-05-19", "Human rights", "LECTURE", "4")), 400, "date");
        assertProblem(api.put(s01, session("2019-05-13", "Human rights", "LECTURE", "0")), 400, "hours");
        assertProblem(api.put(s01, session("2019-05-13", "Human rights", "LECTURE", "12.5")), 400, "hours");
        assertProblem(api.put(s01, session("2019-05-13", " ", "LECTURE", "4")), 400, "topic");
        assertProblem(api.put(s01, session("2019-05-13", "Human rights", "SERMON", "4")), 400, "method");
        assertProblem(api.put(s01, "{\"date\":\"13/05/2019\",\"topic\":\"x\",\"method\":\"LECTURE\",\"hours\":4}"), 400, "date");
        assertProblem(api.put("/cohorts/" + cohort.id + "/plan/sessions/S99", session("2019-05-13", "x", "LECTURE", "4")),
                404, null);

        assertThat(api.deliver(cohort.id, "S02").status()).isEqualTo(201);
        assertProblem(api.put(s01, session("2019-05-13", "Human rights", "LECTURE", "3")), 409, null);
        assertProblem(api.delete(s01), 409, null);

        assertThat(api.plan(cohort.id).json().path("revision").asInt()).isEqualTo(1);
        assertThat(api.plan(cohort.id).json().path("started").asBoolean()).isTrue();
    }

    @Test
    void anErasedParticipantsNameLeavesTheRoster() {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.erased("ana"));
        EventScenario.publish(cohort.erased("ana"));

        JsonNode roster = await().atMost(EventScenario.WAIT).until(() -> api().roster(cohort.id).json(),
                body -> body.path("participants").findValuesAsString("name").contains("(erased)"));

        assertThat(roster.path("participants").findValuesAsString("name")).containsExactly("(erased)", "Official bob");
        assertThat(roster.path("participants").get(0).path("participantId").asString()).isEqualTo(cohort.participant("ana"));
        assertThat(roster.path("participants").get(0).path("seatNumber").asInt()).isEqualTo(1);
    }

    @Test
    void anErasedParticipantsNameLeavesTheEventsTheOutboxStillKeeps() {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("cyd", 1));
        EventScenario.publish(cohort.enrolled("dee", 2));
        JsonNode roster = await().atMost(EventScenario.WAIT).until(() -> api().roster(cohort.id).json(),
                body -> body.path("participants").size() == 2 && body.path("courseHours").isNumber());
        String hours = roster.path("courseHours").asString();
        assertThat(api().complete(cohort.id, cohort.participant("cyd"), hours).status()).isEqualTo(201);
        assertThat(outboxRowsNaming("Official cyd", cohort.participant("cyd"))).isEqualTo(1);

        EventScenario.publish(cohort.erased("cyd"));

        await().atMost(EventScenario.WAIT).until(() -> outboxRowsNaming("Official cyd", cohort.participant("cyd")) == 0);
        assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where payload like ?")
                .param("%" + cohort.participant("cyd") + "%").query(Long.class).single())
                .as("the event stays, with its ids and figures").isGreaterThanOrEqualTo(1);
    }

    private long outboxRowsNaming(String name, String participantId) {
        return jdbc.sql("select count(*) from aula_messaging.outbox where payload like ? and payload like ?")
                .params("%" + name + "%", "%" + participantId + "%").query(Long.class).single();
    }

    private TestCohort filledCohort() {
        TestCohort cohort = TestCohort.ofSeats(2);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.filled(1));
        events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1);
        return cohort;
    }

    private int plansInOutbox(TestCohort cohort) {
        return jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = ? and type = ?")
                .params(cohort.id, EventCatalog.DELIVERY_PLAN_PUBLISHED.type()).query(Integer.class).single();
    }

    private static String session(String date, String topic, String method, String hours) {
        return "{\"date\":\"%s\",\"topic\":\"%s\",\"method\":\"%s\",\"hours\":%s}".formatted(date, topic, method, hours);
    }

    private SessionApi api() {
        return new SessionApi(port);
    }

    static void assertProblem(SessionApi.Response response, int status, String field) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
        }
    }
}
