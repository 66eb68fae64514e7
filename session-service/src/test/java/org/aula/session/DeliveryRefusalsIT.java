package org.aula.session;

import static org.aula.session.DeliveryPlanIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.aula.events.DeliveryPlanPublished;
import org.aula.events.Topics;
import org.aula.testsupport.EventScenario;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Every refusal of attendance, sheets, results, rules, the shortcut and closing is a problem that writes nothing. */
@SessionServiceTest
class DeliveryRefusalsIT {

    @AutoClose
    private static EventScenario events;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private SessionApi api;

    @BeforeAll
    static void open() {
        events = EventScenario.fromStart(Topics.SESSION);
    }

    @BeforeEach
    void api() {
        api = new SessionApi(port);
    }

    @Test
    void attendanceIsRefusedForWhoCannotAttendWhatWasNotDeliveredAndImpossibleHours() {
        TestCohort cohort = filledCohortWithBobWithdrawn();
        String ana = cohort.participant("ana");

        assertProblem(api.attend(cohort.id, "S01", ana, "2"), 409, null);            // not delivered
        api.deliver(cohort.id, "S01");                                               // a 4-hour lecture
        assertProblem(api.attend(cohort.id, "S99", ana, "2"), 404, null);
        assertProblem(api.attend("cohort-unknown", "S01", ana, "2"), 404, null);
        assertProblem(api.attend(cohort.id, "S01", "someone-else", "2"), 422, "participantId");
        assertProblem(api.attend(cohort.id, "S01", cohort.participant("bob"), "2"), 422, "participantId");
        assertProblem(api.attend(cohort.id, "S01", ana, "4.5"), 400, "hours");
        assertProblem(api.attend(cohort.id, "S01", ana, "-1"), 400, "hours");
        assertProblem(api.attend(cohort.id, "S01", ana, "1.234"), 400, "hours");
        assertProblem(api.attend(cohort.id, "S01", ana, "\"two\""), 400, "hours");
        assertProblem(api.attend(cohort.id, "S01", ana, "null"), 400, "hours");

        assertThat(attendanceRows(cohort)).isZero();
        SessionApi.Response recorded = api.attend(cohort.id, "S01", ana, "4");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().path("hours").asDouble()).isEqualTo(4.0);
        assertThat(api.get("/cohorts/" + cohort.id + "/sessions/S01/attendance").json()).hasSize(1);
    }

    @Test
    void aSheetWithAMalformedLineIsA400NamingLineAndFieldAndRecordsNothing() {
        TestCohort cohort = filledCohortWithBobWithdrawn();
        api.deliver(cohort.id, "S01");
        String ana = cohort.participant("ana");
        String cy = cohort.participant("cy");

        SessionApi.Response malformed = api.sheet(cohort.id, "S01",
                "participantId,hours\n" + ana + ",4\n" + cy + ",three\n");
        assertProblem(malformed, 400, "line[3].hours");
        assertThat(malformed.json().path("detail").asString()).contains("line[3].hours");

        assertProblem(api.sheet(cohort.id, "S01", "participantId,hours\n" + ana + ",4\n" + cy + ",4.5\n"),
                400, "line[3].hours");                                               // above the session's 4 h
        assertProblem(api.sheet(cohort.id, "S01", "participantId,hours\n" + ana + ",4\n" + ana + ",3\n"),
                400, "line[3].participantId");                                       // twice on one sheet
        assertProblem(api.sheet(cohort.id, "S01", "name,hours\nOfficial ana,4\nNobody Known,4\n"),
                422, "line[3].name");
        assertProblem(api.sheet(cohort.id, "S01", "seat,hours\n1,4\n2,4\n"), 422, "line[3].seat");   // bob withdrew
        assertProblem(api.sheet(cohort.id, "S01", "email,hours\nana@example.org,4\n"), 400, "line[1].participantId");
        assertProblem(api.post("/cohorts/" + cohort.id + "/sessions/S01/attendance", "{\"hours\":4}"), 415, null);
        assertProblem(api.sheet(cohort.id, "S02", "participantId,hours\n" + ana + ",3\n"), 409, null);

        assertThat(attendanceRows(cohort)).isZero();
        JsonNode accepted = api.sheet(cohort.id, "S01", "seat,hours\n1,4\n3,3.5\n").json();
        assertThat(accepted.path("recorded").asInt()).isEqualTo(2);
        JsonNode repeated = api.sheet(cohort.id, "S01", "seat,hours\n1,4\n3,3.5\n").json();
        assertThat(repeated.path("recorded").asInt()).isZero();
        assertThat(repeated.path("unchanged").asInt()).isEqualTo(2);
        assertThat(attendanceRows(cohort)).isEqualTo(2);
    }

    @Test
    void resultsAreRefusedForAssessmentsTheRuleDoesNotRequireAndForImpossibleScores() {
        TestCohort cohort = scheduled(TestCohort.ofOwnCourse(2));
        String cs = cohort.courseCode + "-CS";
        assertThat(api.put("/courses/" + cohort.courseCode + "/completion-rule",
                "{\"assessments\":[{\"code\":\"" + cs + "\",\"title\":\"Case study\"}]}").status()).isEqualTo(201);
        fill(cohort);
        String ana = cohort.participant("ana");

        assertProblem(api.score(cohort.id, cohort.courseCode + "-XX", ana, "70"), 404, null);
        assertProblem(api.score(cohort.id, cs, ana, "101"), 400, "score");
        assertProblem(api.score(cohort.id, cs, ana, "-5"), 400, "score");
        assertProblem(api.score(cohort.id, cs, "someone-else", "70"), 422, "participantId");
        assertThat(jdbc.sql("select count(*) from assessment_result where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single()).isZero();

        JsonNode result = api.score(cohort.id, cs, ana, "59.5").json();
        assertThat(result.path("passMark").asDouble()).isEqualTo(60.0);    // the configured default pass mark
        assertThat(result.path("passed").asBoolean()).isFalse();
        JsonNode assessments = api.get("/cohorts/" + cohort.id + "/assessments").json();
        assertThat(assessments.path("ruleVersion").asString()).isEqualTo(cohort.courseCode + ".completion.v1");
        assertThat(assessments.path("assessments").get(0).path("results").get(0).path("score").asDouble()).isEqualTo(59.5);
    }

    @Test
    void aCoursesRuleIsVersionedAndTheVersionInForceStaysWithCohortsPlannedUnderIt() {
        TestCohort cohort = scheduled(TestCohort.ofOwnCourse(2));
        String rules = "/courses/" + cohort.courseCode + "/completion-rule";

        JsonNode configured = api.get(rules).json();
        assertThat(configured.path("ruleVersion").asString()).isEqualTo(cohort.courseCode + ".completion.v1");
        assertThat(configured.path("source").asString()).isEqualTo("CONFIG");
        assertThat(configured.path("minimumAttendanceRate").asDouble()).isEqualTo(0.8);
        assertThat(configured.path("definedAt").isNull()).isTrue();             // reading recorded nothing
        assertThat(api.get(rules + "/versions").json()).isEmpty();
        fill(cohort);                                                            // planned under v1

        SessionApi.Response defined = api.put(rules, "{\"minimumAttendanceRate\":0.75,\"assessments\":[]}");
        SessionApi.Response same = api.put(rules, "{\"minimumAttendanceRate\":0.750,\"assessments\":[]}");

        assertThat(defined.status()).isEqualTo(201);
        assertThat(defined.json().path("version").asInt()).isEqualTo(2);
        assertThat(same.status()).isEqualTo(200);
        assertThat(api.get(rules + "/versions").json().findValuesAsString("source")).containsExactly("CONFIG", "API");
        assertThat(api.plan(cohort.id).json().path("ruleVersion").asString()).isEqualTo(cohort.courseCode + ".completion.v1");
        assertProblem(api.put(rules, "{\"minimumAttendanceRate\":1.2,\"assessments\":[]}"), 400, "minimumAttendanceRate");
        assertProblem(api.put(rules, "{\"assessments\":[{\"code\":\"case study\",\"title\":\"x\"}]}"), 400,
                "assessments[0].code");
        assertProblem(api.put(rules, "{\"assessments\":[{\"code\":\"A\",\"title\":\"x\"},{\"code\":\"A\",\"title\":\"y\"}]}"),
                400, "assessments");
        assertProblem(api.put(rules, "{\"minimumAttendanceRate\":0.8}"), 400, "assessments");
        assertProblem(api.get("/courses/bad!code/completion-rule"), 400, "courseCode");
        assertThat(api.get(rules + "/versions").json()).hasSize(2);
    }

    @Test
    void aRuleIsDefinedOnlyForACourseTheServiceHasHeardOfAndReadingItRecordsNothing() {
        String unknown = "/courses/NEVER-ANNOUNCED-" + TestCohort.ofOwnCourse(1).courseCode + "/completion-rule";
        int rules = jdbc.sql("select count(*) from completion_rule").query(Integer.class).single();

        assertProblem(api.put(unknown, "{\"minimumAttendanceRate\":0.75,\"assessments\":[]}"), 404, null);
        assertProblem(api.get(unknown), 404, null);
        assertProblem(api.get(unknown + "/versions"), 404, null);
        assertThat(jdbc.sql("select count(*) from completion_rule").query(Integer.class).single()).isEqualTo(rules);
    }

    @Test
    void theShortcutDecidesOnlyCohortsWhoseDeliveryIsNotRecordedAndWhoseRuleHasNoAssessments() {
        TestCohort assessed = scheduled(TestCohort.ofOwnCourse(2));
        api.put("/courses/" + assessed.courseCode + "/completion-rule",
                "{\"assessments\":[{\"code\":\"" + assessed.courseCode + "-CS\",\"title\":\"Case study\"}]}");
        fill(assessed);
        assertProblem(api.complete(assessed.id, assessed.participant("ana"), "40"), 409, null);

        TestCohort recorded = filledCohortWithBobWithdrawn();
        api.deliver(recorded.id, "S01");
        assertProblem(api.complete(recorded.id, recorded.participant("ana"), "40"), 409, null);

        TestCohort stated = filledCohortWithBobWithdrawn();
        assertThat(api.complete(stated.id, stated.participant("ana"), "40").status()).isEqualTo(201);
        assertProblem(api.deliver(stated.id, "S01"), 409, null);
        assertProblem(api.put("/cohorts/" + stated.id + "/plan/sessions/S01",
                "{\"date\":\"2019-05-13\",\"topic\":\"x\",\"method\":\"LECTURE\",\"hours\":1}"), 409, null);

        assertThat(jdbc.sql("select count(*) from completion where cohort_id in (?, ?)").params(assessed.id, recorded.id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void closingNeedsAPlanAndAClosedDeliveryTakesNoMoreSessions() {
        TestCohort unplanned = TestCohort.ofSeats(3);
        EventScenario.publish(unplanned.scheduled());
        EventScenario.publish(unplanned.enrolled("ana", 1));
        await().atMost(EventScenario.WAIT).until(() -> api.roster(unplanned.id).status() == 200);
        assertProblem(api.close(unplanned.id), 409, null);
        assertProblem(api.close("cohort-unknown"), 404, null);
        assertProblem(api.get("/cohorts/" + unplanned.id + "/delivery/closure"), 404, null);

        TestCohort cohort = filledCohortWithBobWithdrawn();
        api.deliver(cohort.id, "S01");
        assertThat(api.close(cohort.id).status()).isEqualTo(201);
        assertProblem(api.deliver(cohort.id, "S02"), 409, null);
        assertThat(api.deliver(cohort.id, "S01").status()).isEqualTo(200);
        SessionApi.Response decidedAtClose = api.complete(cohort.id, cohort.participant("ana"), "40");
        assertThat(decidedAtClose.status()).isEqualTo(200);
        assertThat(decidedAtClose.json().path("basis").asString()).isEqualTo("RECORDED_DELIVERY");
        assertThat(decidedAtClose.json().path("hoursAttended").asDouble()).isZero();
        assertProblem(api.complete(cohort.id, cohort.participant("bob"), "40"), 409, null);  // withdrew, not decided
    }

    private TestCohort filledCohortWithBobWithdrawn() {
        TestCohort cohort = TestCohort.ofSeats(3);
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.enrolled("cy", 3));
        EventScenario.publish(cohort.filled(1));
        EventScenario.publish(cohort.withdrawn("bob", 2));
        events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1);
        await().atMost(EventScenario.WAIT).until(() -> api.roster(cohort.id).json().path("participants")
                .findValuesAsString("status").contains("WITHDRAWN"));
        return cohort;
    }

    /** The cohort's schedule received: the service knows its course, so staff may define the course's rule. */
    private TestCohort scheduled(TestCohort cohort) {
        EventScenario.publish(cohort.scheduled());
        await().atMost(EventScenario.WAIT).until(() -> api.roster(cohort.id).status() == 200);
        return cohort;
    }

    private void fill(TestCohort cohort) {
        EventScenario.publish(cohort.scheduled());
        EventScenario.publish(cohort.enrolled("ana", 1));
        EventScenario.publish(cohort.enrolled("bob", 2));
        EventScenario.publish(cohort.filled(1));
        events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1);
    }

    private int attendanceRows(TestCohort cohort) {
        return jdbc.sql("select count(*) from attendance_record where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single();
    }
}
