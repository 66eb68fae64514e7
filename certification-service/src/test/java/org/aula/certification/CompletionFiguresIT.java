package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.aula.events.CompletionRevised;
import org.aula.events.CourseCompleted;
import org.aula.events.CourseNotCompleted;
import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The completion figures after a small scenario: one course, two cohorts, two institutions, six
 * decisions (four completed), one certificate revoked, one decision delivered twice. The same
 * counts and rates appear in the JSON summary, the counters and the per-cohort gauge. A revised
 * decision replaces the earlier one.
 */
@CertificationServiceTest
class CompletionFiguresIT {

    private static final String POLICE = "BZ-POLICE";
    private static final String IMMIGRATION = "BZ-IMMIGRATION";

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void theSummaryAndTheMetricsShowTheExpectedCountsAndRates() {
        String course = "F" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String may = course + "-2019-05";
        String june = course + "-2019-06";
        String mayId = UUID.randomUUID().toString();
        String juneId = UUID.randomUUID().toString();
        CourseCompleted revokedLater = completed(course, mayId, may, POLICE);
        EventScenario.publish(revokedLater, UUID.randomUUID());
        EventScenario.publish(completed(course, mayId, may, IMMIGRATION), UUID.randomUUID());
        EventScenario.publish(completed(course, mayId, may, POLICE), UUID.randomUUID());
        var twice = CloudEventRecords.of(notCompleted(course, mayId, may, IMMIGRATION), UUID.randomUUID(),
                EventScenario.sourceOf(Topics.SESSION), Instant.now());
        EventScenario.publish(twice);
        EventScenario.publish(twice);
        EventScenario.publish(completed(course, juneId, june, POLICE), UUID.randomUUID());
        EventScenario.publish(notCompleted(course, juneId, june, POLICE), UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode totals = summary(course).get("totals");
            return totals.get("decided").asInt() == 6 && totals.get("certificatesIssued").asInt() == 4;
        });
        String revokedNumber = api.get(uri -> uri.path("/certificates").queryParam("participantId", revokedLater.participantId()).build())
                .json().get(0).get("number").asString();
        api.post("/certificates/{number}/revocation", MediaType.APPLICATION_JSON, "{\"reason\":\"Issued in error\"}", revokedNumber);

        JsonNode summary = summary(course);

        assertFigures(summary.get("totals"), 6, 4, 2, 4, 1);
        assertThat(summary.get("byCourse")).hasSize(1);
        assertFigures(summary.get("byCourse").get(0), 6, 4, 2, 4, 1);
        assertThat(summary.get("byCourse").get(0).get("course").asString()).isEqualTo(course);
        assertThat(summary.get("byCohort").findValuesAsString("cohort")).containsExactly(may, june);
        assertFigures(summary.get("byCohort").get(0), 4, 3, 1, 3, 1);
        assertFigures(summary.get("byCohort").get(1), 2, 1, 1, 1, 0);
        assertThat(summary.get("byInstitution").findValuesAsString("institution")).containsExactly(IMMIGRATION, POLICE);
        assertFigures(summary.get("byInstitution").get(0), 2, 1, 1, 1, 0);
        assertFigures(summary.get("byInstitution").get(1), 4, 3, 1, 3, 1);
        assertThat(summary.get("totals").get("completionRate").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(summary.get("byCohort").get(0).get("completionRate").asDouble()).isEqualTo(0.75);
        assertThat(summary.get("totals").get("meanSecondsToCertificate").asDouble()).isBetween(7200.0, 3 * 3600.0);
        JsonNode cohortOnly = api.get(uri -> uri.path("/metrics/completions").queryParam("cohort", june).build()).json();
        assertFigures(cohortOnly.get("totals"), 2, 1, 1, 1, 0);

        assertThat(sum("aula.courses.completed", course)).isEqualTo(4);
        assertThat(sum("aula.courses.not.completed", course)).as("the repeated decision counts once").isEqualTo(2);
        assertThat(sum("aula.certificates.issued", course)).isEqualTo(4);
        assertThat(sum("aula.certificates.revoked", course)).isEqualTo(1);
        assertThat(meters.find("aula.courses.completed").tags("course", course, "cohort", may, "institution", POLICE)
                .counter().count()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Gauge rate = meters.find("aula.cohort.completion.rate").tags("course", course, "cohort", may).gauge();
            assertThat(rate).isNotNull();
            assertThat(rate.value()).isEqualTo(0.75);
        });
        assertThat(Api.as(port, TestTokens.operations()).get("/actuator/prometheus").body())
                .containsPattern("aula_cohort_completion_rate\\{[^}]*cohort=\"" + june + "\"[^}]*} 0.5")
                .containsPattern("aula_courses_not_completed_total\\{[^}]*cohort=\"" + may + "\"[^}]*institution=\"" + IMMIGRATION + "\"[^}]*} 1.0")
                .containsPattern("aula_certificates_revoked_total\\{[^}]*cohort=\"" + may + "\"[^}]*} 1.0");
    }

    @Test
    void aRevisedDecisionReplacesTheEarlierOneInTheFigures() {
        String course = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String cohortId = UUID.randomUUID().toString();
        CourseNotCompleted decided = notCompleted(course, cohortId, course + "-2019-05", POLICE);
        EventScenario.publish(decided, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(30)).until(() -> summary(course).get("totals").get("decided").asInt() == 1);

        EventScenario.publish(new CompletionRevised(decided.completionId(), cohortId, decided.cohortCode(), course, decided.participantId(),
                POLICE, 2, "NOT_COMPLETED", "COMPLETED", 36.0, 40.0, 0.9, List.of(), "attendance-80-v1",
                "attendance sheet of day 3 corrected", Instant.now()), UUID.randomUUID());

        await().atMost(Duration.ofSeconds(30)).until(() -> summary(course).get("totals").get("completed").asInt() == 1);
        assertThat(summary(course).get("totals").get("decided").asInt()).isEqualTo(1);
        assertThat(summary(course).get("totals").get("completionRate").asDouble()).isEqualTo(1.0);
        assertThat(sum("aula.courses.completed", course)).isEqualTo(1);
    }

    private JsonNode summary(String course) {
        Api.Response answer = api.get(uri -> uri.path("/metrics/completions").queryParam("course", course).build());
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static void assertFigures(JsonNode line, int decided, int completed, int notCompleted, int issued, int revoked) {
        assertThat(line.get("decided").asInt()).as("decided").isEqualTo(decided);
        assertThat(line.get("completed").asInt()).as("completed").isEqualTo(completed);
        assertThat(line.get("notCompleted").asInt()).as("not completed").isEqualTo(notCompleted);
        assertThat(line.get("completionRate").asDouble()).as("rate").isCloseTo((double) completed / decided, within(1e-9));
        assertThat(line.get("certificatesIssued").asInt()).as("issued").isEqualTo(issued);
        assertThat(line.get("certificatesRevoked").asInt()).as("revoked").isEqualTo(revoked);
    }

    private double sum(String meter, String course) {
        return meters.find(meter).tag("course", course).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static CourseCompleted completed(String course, String cohortId, String cohortCode, String institution) {
        return new CourseCompleted(UUID.randomUUID().toString(), cohortId, cohortCode, course, "Course " + course, 40,
                LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", UUID.randomUUID().toString(),
                "Official of " + institution, institution, 38.0, 40.0, 0.95, "attendance-80-v1", twoHoursAgo());
    }

    private static CourseNotCompleted notCompleted(String course, String cohortId, String cohortCode, String institution) {
        return new CourseNotCompleted(UUID.randomUUID().toString(), cohortId, cohortCode, course, UUID.randomUUID().toString(),
                institution, 20.0, 40.0, 0.5, List.of(), List.of("attended 50% of the scheduled hours; 80% required"),
                "attendance-80-v1", twoHoursAgo());
    }

    private static Instant twoHoursAgo() {
        return Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    }
}
