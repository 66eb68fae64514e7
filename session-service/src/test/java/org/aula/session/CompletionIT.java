package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SessionServiceTest
class CompletionIT {

    private static final Duration KAFKA = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COURSE_COMPLETED = EventCatalog.COURSE_COMPLETED.type();
    private static final String COURSE_NOT_COMPLETED = EventCatalog.COURSE_NOT_COMPLETED.type();

    @AutoClose
    private static EventScenario sessionEvents;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private SessionApi api;
    private TestCohort cohort;

    @BeforeAll
    static void open() {
        sessionEvents = EventScenario.fromStart(Topics.SESSION);
    }

    @BeforeEach
    void cohortWithFourOfficials() {
        api = new SessionApi(port);
        cohort = TestCohort.ofSeats(4);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.enrolled("cy", 3));
        EventScenario.publish(cohort.enrolled("dee", 4));
        EventScenario.publish(cohort.filled(1));
        await().atMost(KAFKA).until(() -> api.roster(cohort.id).json().path("locked").asBoolean(false));
    }

    @Test
    void aCompletionIsDecidedAndPublishedOnceAsCourseCompletedKeyedByTheCohort() {
        SessionApi.Response response = api.complete(cohort.id, cohort.participant("ana"), "38.5");

        assertThat(response.status()).isEqualTo(201);
        JsonNode decision = response.json();
        assertThat(decision.path("cohortId").asString()).isEqualTo(cohort.id);
        assertThat(decision.path("participantId").asString()).isEqualTo(cohort.participant("ana"));
        assertThat(decision.path("decision").asString()).isEqualTo("COMPLETED");
        assertThat(decision.path("hoursAttended").asDouble()).isEqualTo(38.5);
        assertThat(decision.path("hoursScheduled").asDouble()).isEqualTo(40.0);
        assertThat(decision.path("attendanceRate").asDouble()).isEqualTo(0.9625);
        assertThat(decision.path("ruleVersion").asString()).isEqualTo("BMM.completion.v1");

        ConsumerRecord<String, byte[]> record = awaitCompletions(1).get(0);

        assertThat(record.key()).isEqualTo(cohort.id);
        IncomingEvent event = IncomingEvent.from(record);
        assertThat(event.type()).isEqualTo(COURSE_COMPLETED);
        assertThat(event.source()).isEqualTo("/aula/session-service");
        assertThat(JSON.readValue(event.data(), CourseCompleted.class)).isEqualTo(new CourseCompleted(
                decision.path("completionId").asString(), cohort.id, cohort.code, TestCohort.COURSE_CODE,
                TestCohort.COURSE_TITLE, 40, TestCohort.START, TestCohort.END, TestCohort.LOCATION,
                cohort.participant("ana"), "Official ana", "BZ-POLICE", 38.5, 40.0, 0.9625,
                "BMM.completion.v1", Instant.parse(decision.path("decidedAt").asString()), List.of(),
                "38.5", "40", "0.9625"));
    }

    @Test
    void aRepeatedRequestAnswersTheFirstDecisionAndPublishesNothingMore() {
        JsonNode first = api.complete(cohort.id, cohort.participant("ana"), "38.5").json();

        SessionApi.Response repeat = api.complete(cohort.id, cohort.participant("ana"), "12");

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first);
        // bob's event follows ana's on the cohort's partition: once it is there, a second ana event would be too.
        assertThat(api.complete(cohort.id, cohort.participant("bob"), "40").status()).isEqualTo(201);
        List<ConsumerRecord<String, byte[]>> events = awaitCompletions(2);
        assertThat(events).extracting(record -> participantOf(record))
                .containsExactly(cohort.participant("ana"), cohort.participant("bob"));
        assertThat(rows("completion")).isEqualTo(2);
    }

    @Test
    void concurrentRequestsForOneParticipantDecideOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<SessionApi.Response>> requests = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                requests.add(clients.submit(() -> api.complete(cohort.id, cohort.participant("ana"), "38.5")));
            }
            List<SessionApi.Response> responses = new ArrayList<>();
            for (Future<SessionApi.Response> request : requests) {
                responses.add(request.get(30, TimeUnit.SECONDS));
            }

            assertThat(responses).extracting(SessionApi.Response::status).containsOnlyOnce(201)
                    .containsOnly(201, 200);
            assertThat(responses).extracting(response -> response.json().path("completionId").asString())
                    .containsOnly(responses.get(0).json().path("completionId").asString());
        } finally {
            clients.shutdownNow();
        }
        api.complete(cohort.id, cohort.participant("bob"), "40");
        assertThat(awaitCompletions(2)).extracting(record -> participantOf(record))
                .containsExactly(cohort.participant("ana"), cohort.participant("bob"));
    }

    @Test
    void notCompletedIsStoredAndPublishedAsCourseNotCompletedWithItsReason() {
        SessionApi.Response below = api.complete(cohort.id, cohort.participant("cy"), "31.96");
        SessionApi.Response atTheEdge = api.complete(cohort.id, cohort.participant("dee"), "32");

        assertThat(below.status()).isEqualTo(201);
        assertThat(below.json().path("decision").asString()).isEqualTo("NOT_COMPLETED");
        assertThat(below.json().path("attendanceRate").asDouble()).isEqualTo(0.799);
        assertThat(atTheEdge.json().path("decision").asString()).isEqualTo("COMPLETED");
        assertThat(atTheEdge.json().path("attendanceRate").asDouble()).isEqualTo(0.8);
        assertThat(awaitCompletions(1)).extracting(record -> participantOf(record))
                .containsExactly(cohort.participant("dee"));
        ConsumerRecord<String, byte[]> notCompleted = await().atMost(KAFKA)
                .until(() -> ofType(COURSE_NOT_COMPLETED), found -> !found.isEmpty()).get(0);
        CourseNotCompleted event = JSON.readValue(IncomingEvent.from(notCompleted).data(), CourseNotCompleted.class);
        assertThat(event.participantId()).isEqualTo(cohort.participant("cy"));
        assertThat(event.completionId()).isEqualTo(below.json().path("completionId").asString());
        assertThat(event.hoursAttended()).isEqualTo(31.96);
        assertThat(event.hoursScheduled()).isEqualTo(40.0);
        assertThat(event.attendanceRate()).isEqualTo(0.799);
        assertThat(event.reasons()).containsExactly("attendance-below-minimum");
        assertThat(event.ruleVersion()).isEqualTo("BMM.completion.v1");
        assertThat(below.json().path("reasons").get(0).asString()).isEqualTo("attendance-below-minimum");
        assertThat(below.json().path("basis").asString()).isEqualTo("STATED_HOURS");
        JsonNode decisions = api.get("/cohorts/" + cohort.id + "/completions").json();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).isEqualTo(below.json());
        assertThat(decisions.get(1)).isEqualTo(atTheEdge.json());
    }

    @Test
    void hoursJustBelowTheMinimumArePublishedExactlyAsNotCompleted() {
        // 32 of 40 hours is the 80% minimum.
        SessionApi.Response below = api.complete(cohort.id, cohort.participant("cy"), "31.99");

        assertThat(below.status()).isEqualTo(201);
        assertThat(below.json().path("decision").asString()).isEqualTo("NOT_COMPLETED");
        ConsumerRecord<String, byte[]> notCompleted = await().atMost(KAFKA)
                .until(() -> ofType(COURSE_NOT_COMPLETED), found -> !found.isEmpty()).get(0);
        JsonNode data = JSON.readTree(IncomingEvent.from(notCompleted).data());
        assertThat(data.path("participantId").asString()).isEqualTo(cohort.participant("cy"));
        assertThat(data.path("hoursAttendedExact").asString("absent")).isEqualTo("31.99");
        assertThat(data.path("hoursScheduledExact").asString("absent")).isEqualTo("40");
        assertThat(data.path("attendanceRateExact").asString("absent")).isEqualTo("0.79975");
        assertThat(data.path("hoursAttended").asDouble()).as("kept for consumers of 1.1").isEqualTo(31.99);
    }

    @Test
    void hoursWithMoreThanTwoDecimalPlacesAreRefusedNamingTheField() {
        assertProblem(api.complete(cohort.id, cohort.participant("cy"), "31.999"), 400, "hoursAttended");
        assertProblem(api.complete(cohort.id, cohort.participant("cy"), "31.9999999999999999"), 400, "hoursAttended");

        assertThat(rows("completion")).isZero();
        assertThat(api.complete(cohort.id, cohort.participant("cy"), "31.99").status()).as("two places").isEqualTo(201);
    }

    @Test
    void refusalsAreProblemsThatWriteNothing() {
        EventScenario.publish(cohort.withdrawn("bob", 2));
        await().atMost(KAFKA).until(() -> api.roster(cohort.id).json().path("participants").toString()
                .contains("WITHDRAWN"));

        assertProblem(api.complete("cohort-unknown", cohort.participant("ana"), "38"), 404, null);
        assertProblem(api.complete(cohort.id, "someone-else", "38"), 422, "participantId");
        assertProblem(api.complete(cohort.id, cohort.participant("bob"), "38"), 422, "participantId");
        assertProblem(api.complete(cohort.id, cohort.participant("ana"), "40.5"), 400, "hoursAttended");
        assertProblem(api.complete(cohort.id, cohort.participant("ana"), "-1"), 400, "hoursAttended");
        assertProblem(api.complete(cohort.id, cohort.participant("ana"), "null"), 400, "hoursAttended");
        assertProblem(api.complete(cohort.id, cohort.participant("ana"), "\"lots\""), 400, "hoursAttended");
        assertProblem(api.post("/cohorts/" + cohort.id + "/completions", "{\"hoursAttended\":38}"), 400,
                "participantId");

        assertThat(rows("completion")).isZero();
        assertThat(jdbc.sql("select count(*) from aula_messaging.outbox where aggregate_id = ? and type in (?, ?)")
                .params(cohort.id, COURSE_COMPLETED, COURSE_NOT_COMPLETED).query(Integer.class).single()).isZero();
        assertThat(api.get("/cohorts/" + cohort.id + "/completions").json()).isEmpty();
    }

    @Test
    void aCohortWhoseScheduleHasNotArrivedCannotDecideYet() {
        TestCohort unscheduled = TestCohort.ofSeats(2);
        EventScenario.publish(unscheduled.enrolled("ana", 1));
        await().atMost(KAFKA).until(() -> api.roster(unscheduled.id).status() == 200);

        assertProblem(api.complete(unscheduled.id, unscheduled.participant("ana"), "38"), 409, null);
        assertThat(jdbc.sql("select count(*) from completion where cohort_id = ?").param(unscheduled.id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void completionsOfAnUnknownCohortAreA404Problem() {
        assertProblem(api.get("/cohorts/cohort-unknown/completions"), 404, null);
    }

    private List<ConsumerRecord<String, byte[]>> awaitCompletions(int count) {
        List<ConsumerRecord<String, byte[]>> records = await().atMost(KAFKA)
                .until(() -> ofType(COURSE_COMPLETED), found -> found.size() >= count);
        assertThat(records).hasSize(count);
        return records;
    }

    private List<ConsumerRecord<String, byte[]>> ofType(String type) {
        return sessionEvents.of(cohort.id).stream().map(Event::record).toList().stream()
                .filter(record -> IncomingEvent.from(record).type().equals(type)).toList();
    }

    private static String participantOf(ConsumerRecord<String, byte[]> record) {
        return JSON.readValue(IncomingEvent.from(record).data(), CourseCompleted.class).participantId();
    }

    private int rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single();
    }

    private static void assertProblem(SessionApi.Response response, int status, String field) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().path("errors").findValuesAsString("field")).contains(field);
        }
    }
}
