package org.aula.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aula.events.AssessmentResult;
import org.aula.events.CohortDeliveryClosed;
import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.DeliveryPlanPublished;
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

/**
 * The scenario inside the service, with the real broker and database: enrollment events
 * fill a cohort, the plan is published, sessions are delivered and attendance recorded (sheets
 * and single entries, a correction among them) with assessment results, the delivery is closed:
 * exactly one decision event per participant with the right figures and one summary; corrections
 * after the close revise decisions, one revision event each.
 */
@SessionServiceTest
class DeliveryEndToEndIT {

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
    void aFilledCohortIsPlannedDeliveredClosedAndDecidedOnceThenRevisedOnCorrection() {
        SessionApi api = new SessionApi(port);
        TestCohort cohort = TestCohort.ofOwnCourse(6);
        String cs = cohort.courseCode + "-CS";
        String rp = cohort.courseCode + "-RP";

        // Enrollment-service schedules the cohort, so the session service knows its course.
        EventScenario.publish(cohort.scheduled());
        await().atMost(EventScenario.WAIT).until(() -> api.roster(cohort.id).status() == 200);

        // The course's rule: 80% of the scheduled hours, the case study and the role play passed at 60.
        SessionApi.Response rule = api.put("/courses/" + cohort.courseCode + "/completion-rule", """
                {"minimumAttendanceRate":0.80,"assessments":[
                  {"code":"%s","title":"Case study","passMark":60},{"code":"%s","title":"Role play","passMark":60}]}
                """.formatted(cs, rp));
        assertThat(rule.status()).isEqualTo(201);
        String ruleVersion = cohort.courseCode + ".completion.v1";
        assertThat(rule.json().path("ruleVersion").asString()).isEqualTo(ruleVersion);

        // Enrollment-service fills the cohort.
        for (String name : List.of("ana", "bob", "cy", "dee", "eve", "fay")) {
            EventScenario.publish(cohort.enrolled(name, List.of("ana", "bob", "cy", "dee", "eve", "fay").indexOf(name) + 1));
        }
        EventScenario.publish(cohort.filled(1));

        // Revision 1 of the plan: the default template, 40 h over the cohort's six days.
        DeliveryPlanPublished first = events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 1).get(0);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(first.cohortCode()).isEqualTo(cohort.code);
        assertThat(first.courseCode()).isEqualTo(cohort.courseCode);
        assertThat(first.hoursScheduled()).isEqualTo(40.0);
        assertThat(first.sessions()).hasSize(12);
        assertThat(first.sessions()).extracting(PlannedSession::hours)
                .containsExactly(4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 4.0, 3.0, 3.0, 3.0, 3.0, 3.0);
        assertThat(first.sessions().get(0)).isEqualTo(new PlannedSession("S01", 1, TestCohort.START, "Human rights",
                "LECTURE", 4.0));
        JsonNode plan = api.plan(cohort.id).json();
        assertThat(plan.path("planId").asString()).isEqualTo(first.planId());
        assertThat(plan.path("ruleVersion").asString()).isEqualTo(ruleVersion);

        // Staff adjust the last session before delivery: revision 2, published.
        SessionApi.Response revised = api.put("/cohorts/" + cohort.id + "/plan/sessions/S12", """
                {"date":"2019-05-18","topic":"Migration governance","method":"ROLE_PLAY","hours":3}""");
        assertThat(revised.status()).isEqualTo(200);
        DeliveryPlanPublished second = events.awaitEvents(cohort.id, DeliveryPlanPublished.class, 2).get(1);
        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.planId()).isEqualTo(first.planId());
        assertThat(second.sessions().get(11).topic()).isEqualTo("Migration governance");

        // Days 1-2: S01 by participant id, S02 by name as a facilitator writes it, S03 by seat.
        deliver(api, cohort, "S01", "S02", "S03");
        assertSheet(api.sheet(cohort.id, "S01", "participantId,hours\n"
                + List.of("ana", "bob", "cy", "dee", "eve").stream().map(n -> cohort.participant(n) + ",4")
                        .collect(Collectors.joining("\n"))), 5);
        assertSheet(api.sheet(cohort.id, "S02", """
                Name;Institution;Hours
                OFFICIAL ANA;BZ-POLICE;3
                Official  Bob;BZ-POLICE;3
                official cy;BZ-IMMIGRATION;3
                Official Dee;BZ-POLICE;3
                Official Eve;BZ-POLICE;3
                """), 5);
        assertSheet(api.sheet(cohort.id, "S03", "seat,hours\n1,4\n2,4\n3,4\n4,4\n5,3\n"), 5);

        // Eve withdraws mid-course (after 10 h); fay withdrew without attending anything.
        EventScenario.publish(cohort.withdrawn("eve", 5));
        EventScenario.publish(cohort.withdrawn("fay", 6));
        await().atMost(EventScenario.WAIT).until(() -> api.roster(cohort.id).json().path("participants")
                .findValuesAsString("status").stream().filter("WITHDRAWN"::equals).count() == 2);

        // Days 2-6: the other sessions; a sheet still naming eve is refused whole.
        deliver(api, cohort, "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S12");
        int rowsBefore = attendanceRows(cohort);
        SessionApi.Response withEve = api.sheet(cohort.id, "S04", "participantId,hours\n" + cohort.participant("ana")
                + ",3\n" + cohort.participant("eve") + ",3\n");
        assertThat(withEve.status()).isEqualTo(422);
        assertThat(withEve.json().path("errors").findValuesAsString("field")).containsExactly("line[3].participantId");
        assertThat(attendanceRows(cohort)).isEqualTo(rowsBefore);

        Map<String, String[]> rest = Map.of(
                // S04..S12:      3    4    3    4    3    3     3    3    3
                "ana", new String[] {"3", "4", "3", "4", "3", "3", "3", "3", "3"},      // 40
                "bob", new String[] {"3", "4", "3", "4", "3", "3", "1", "0", "0"},      // 32: exactly 80%
                "cy", new String[] {"3", "4", "3", "4", "3", "3", "0.96", "0", "0"},    // 31.96: 79.9%
                "dee", new String[] {"3", "4", "3", "4", "3", "3", "3", "3", "1"});     // 38
        for (int s = 0; s < 9; s++) {
            String session = "S%02d".formatted(s + 4);
            StringBuilder sheet = new StringBuilder("participantId,hours\n");
            for (String name : List.of("ana", "bob", "cy", "dee")) {
                if (!(name.equals("bob") && session.equals("S10"))) {
                    sheet.append(cohort.participant(name)).append(',').append(rest.get(name)[s]).append('\n');
                }
            }
            assertSheet(api.sheet(cohort.id, session, sheet.toString()), sheet.toString().split("\n").length - 1);
        }
        // Bob's S10 one at a time, corrected from 3 to 1: both kept, the latest counts.
        assertThat(api.attend(cohort.id, "S10", cohort.participant("bob"), "3").status()).isEqualTo(200);
        assertThat(api.attend(cohort.id, "S10", cohort.participant("bob"), "1").json().path("changed").asBoolean())
                .isTrue();
        JsonNode bobS10 = api.get("/cohorts/" + cohort.id + "/sessions/S10/attendance/" + cohort.participant("bob")).json();
        assertThat(bobS10.path("hours").asDouble()).isEqualTo(1.0);
        assertThat(bobS10.path("history").findValuesAsString("source")).containsExactly("SINGLE", "SINGLE");

        // Assessment results.
        score(api, cohort, cs, "ana", "80");
        score(api, cohort, rp, "ana", "75");
        score(api, cohort, cs, "bob", "60");
        score(api, cohort, rp, "bob", "60");
        score(api, cohort, cs, "cy", "90");
        score(api, cohort, rp, "cy", "90");
        score(api, cohort, cs, "dee", "70");
        score(api, cohort, rp, "dee", "45");

        // Close: everyone decided once, then one summary.
        SessionApi.Response closed = api.close(cohort.id);
        assertThat(closed.status()).isEqualTo(201);
        assertThat(closed.json().path("participants").asInt()).isEqualTo(5);
        assertThat(closed.json().path("completed").asInt()).isEqualTo(2);
        assertThat(closed.json().path("completionRate").asDouble()).isEqualTo(0.4);
        assertThat(closed.json().path("notDecided").get(0).asString()).isEqualTo(cohort.participant("fay"));

        CohortDeliveryClosed summary = events.awaitEvents(cohort.id, CohortDeliveryClosed.class, 1).get(0);
        assertThat(summary).isEqualTo(new CohortDeliveryClosed(cohort.id, cohort.code, cohort.courseCode, 5, 2, 3, 0.4,
                ruleVersion, summary.closedAt(), "0.4"));

        // The summary follows every decision on the cohort's partition: what is there now is all there is.
        Map<String, CourseCompleted> completed = byParticipant(events.of(cohort.id, CourseCompleted.class),
                CourseCompleted::participantId);
        Map<String, CourseNotCompleted> notCompleted = byParticipant(events.of(cohort.id, CourseNotCompleted.class),
                CourseNotCompleted::participantId);
        assertThat(completed).containsOnlyKeys(cohort.participant("ana"), cohort.participant("bob"));
        assertThat(notCompleted).containsOnlyKeys(cohort.participant("cy"), cohort.participant("dee"),
                cohort.participant("eve"));

        CourseCompleted ana = completed.get(cohort.participant("ana"));
        assertThat(ana.hoursAttended()).isEqualTo(40.0);
        assertThat(ana.hoursScheduled()).isEqualTo(40.0);
        assertThat(ana.attendanceRate()).isEqualTo(1.0);
        assertThat(ana.ruleVersion()).isEqualTo(ruleVersion);
        assertThat(ana.participantName()).isEqualTo("Official ana");
        assertThat(ana.assessments()).containsExactly(new AssessmentResult(cs, "Case study", 80, 60, true),
                new AssessmentResult(rp, "Role play", 75, 60, true));
        CourseCompleted bob = completed.get(cohort.participant("bob"));
        assertThat(bob.hoursAttended()).isEqualTo(32.0);
        assertThat(bob.attendanceRate()).isEqualTo(0.8);

        CourseNotCompleted cy = notCompleted.get(cohort.participant("cy"));
        assertThat(cy.hoursAttended()).isEqualTo(31.96);
        assertThat(cy.attendanceRate()).isEqualTo(0.799);
        assertThat(cy.reasons()).containsExactly("attendance-below-minimum");
        CourseNotCompleted dee = notCompleted.get(cohort.participant("dee"));
        assertThat(dee.hoursAttended()).isEqualTo(38.0);
        assertThat(dee.reasons()).containsExactly("assessment-failed:" + rp);
        assertThat(dee.assessments()).contains(new AssessmentResult(rp, "Role play", 45, 60, false));
        CourseNotCompleted eve = notCompleted.get(cohort.participant("eve"));
        assertThat(eve.hoursAttended()).isEqualTo(10.0);
        assertThat(eve.attendanceRate()).isEqualTo(0.25);
        assertThat(eve.reasons()).containsExactly("withdrawn", "attendance-below-minimum",
                "assessment-missing:" + cs, "assessment-missing:" + rp);

        // Closing again answers the first closing.
        SessionApi.Response again = api.close(cohort.id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(closed.json());

        // Corrections after the close: cy's S10 (0.96 -> 1) lifts her to 32 h; repeating it changes nothing;
        // dee's role play re-marked 45 -> 65. One revision event each, never a silent change.
        JsonNode cyCorrection = api.attend(cohort.id, "S10", cohort.participant("cy"), "1").json();
        assertThat(cyCorrection.path("revisedDecision").asInt()).isEqualTo(1);
        assertThat(api.attend(cohort.id, "S10", cohort.participant("cy"), "1").json().path("changed").asBoolean())
                .isFalse();
        assertThat(api.score(cohort.id, rp, cohort.participant("dee"), "65").json().path("revisedDecision").asInt())
                .isEqualTo(1);

        List<CompletionRevised> revisions = events.awaitEvents(cohort.id, CompletionRevised.class, 2);
        assertThat(revisions).extracting(CompletionRevised::participantId)
                .containsExactly(cohort.participant("cy"), cohort.participant("dee"));
        CompletionRevised cyRevised = revisions.get(0);
        assertThat(cyRevised.completionId()).isEqualTo(cy.completionId());
        assertThat(cyRevised.revision()).isEqualTo(1);
        assertThat(cyRevised.previousDecision()).isEqualTo("NOT_COMPLETED");
        assertThat(cyRevised.decision()).isEqualTo("COMPLETED");
        assertThat(cyRevised.hoursAttended()).isEqualTo(32.0);
        assertThat(cyRevised.attendanceRate()).isEqualTo(0.8);
        assertThat(cyRevised.ruleVersion()).isEqualTo(ruleVersion);
        assertThat(cyRevised.reason()).contains("attendance corrected in session S10");
        // What certification needs to issue the certificate of a revision to COMPLETED (contract 1.3).
        assertThat(cyRevised.carriesCertificateFacts()).isTrue();
        assertThat(cyRevised.startDate()).isNotNull();
        assertThat(cyRevised.endDate()).isAfterOrEqualTo(cyRevised.startDate());
        assertThat(revisions.get(1).assessments()).contains(new AssessmentResult(rp, "Role play", 65, 60, true));

        JsonNode cyHistory = api.get("/cohorts/" + cohort.id + "/completions/" + cohort.participant("cy")).json();
        assertThat(cyHistory.path("current").path("revision").asInt()).isEqualTo(1);
        assertThat(cyHistory.path("history").findValuesAsString("decision")).containsExactly("NOT_COMPLETED", "COMPLETED");
        // The decisions themselves were not published again.
        assertThat(events.of(cohort.id, CourseCompleted.class)).hasSize(2);
        assertThat(events.of(cohort.id, CourseNotCompleted.class)).hasSize(3);
        assertThat(events.of(cohort.id, CohortDeliveryClosed.class)).hasSize(1);
    }

    private static void deliver(SessionApi api, TestCohort cohort, String... sessions) {
        for (String session : sessions) {
            assertThat(api.deliver(cohort.id, session).status()).as("delivery of %s", session).isEqualTo(201);
        }
    }

    private static void assertSheet(SessionApi.Response response, int recorded) {
        assertThat(response.status()).as("sheet answer %s", response.body()).isEqualTo(200);
        assertThat(response.json().path("recorded").asInt()).isEqualTo(recorded);
    }

    private static void score(SessionApi api, TestCohort cohort, String code, String name, String score) {
        SessionApi.Response response = api.score(cohort.id, code, cohort.participant(name), score);
        assertThat(response.status()).as("score answer %s", response.body()).isEqualTo(200);
    }

    private int attendanceRows(TestCohort cohort) {
        return jdbc.sql("select count(*) from attendance_record where cohort_id = ?").param(cohort.id)
                .query(Integer.class).single();
    }

    private static <T> Map<String, T> byParticipant(List<T> events, Function<T, String> participant) {
        assertThat(events).extracting(participant::apply).doesNotHaveDuplicates();
        return events.stream().collect(Collectors.toMap(participant, Function.identity()));
    }
}
