package org.aula.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.aula.events.CompletionRevised;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.completion.Completion;
import org.aula.session.domain.course.Course;
import org.aula.session.domain.roster.CohortSchedule;
import org.aula.session.domain.roster.Enrolment;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.rule.CompletionRule;
import org.aula.session.domain.rule.CompletionTerms;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.RuleId;
import org.aula.session.domain.rule.RuleSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The figures a decision rests on reach the wire exactly, beside the numbers older consumers read. */
class OutboxSessionEventsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DECIDED = Instant.parse("2019-05-18T17:00:00Z");
    private static final ParticipantId ANA = new ParticipantId("ana");

    @Test
    void hoursThatADoubleRoundsUpToTheThresholdArePublishedExactlyAsNotCompleted() {
        Roster roster = rosterOfA40HourCourse();
        // 32 hours of 40 is the 80% minimum; this is below it, yet reads as 32.0 once parsed as a double.
        Completion below = roster.decideOnStatedHours(ANA, new BigDecimal("31.9999999999999999"), null,
                standardRule(), CompletionId.random(), DECIDED);

        JsonNode event = JSON.valueToTree(OutboxSessionEvents.courseNotCompleted(roster, below));

        assertThat(below.completed()).isFalse();
        assertThat(event.get("hoursAttended").asDouble()).as("what a double can say").isEqualTo(32.0);
        assertThat(event.path("hoursAttendedExact").asString("absent")).isEqualTo("31.9999999999999999");
        assertThat(event.path("hoursScheduledExact").asString("absent")).isEqualTo("40");
        assertThat(event.path("attendanceRateExact").asString("absent")).as("truncated, never rounded up")
                .isEqualTo("0.799999");
        assertThat(new BigDecimal(event.path("hoursAttendedExact").asString("0")))
                .isLessThan(new BigDecimal(event.path("hoursScheduledExact").asString("0")).multiply(new BigDecimal("0.8")));
    }

    @Test
    void aCompletionAtTheThresholdIsPublishedWithItsExactFigures() {
        Roster roster = rosterOfA40HourCourse();
        Completion atTheEdge = roster.decideOnStatedHours(ANA, new BigDecimal("32.00"), null, standardRule(),
                CompletionId.random(), DECIDED);

        JsonNode event = JSON.valueToTree(OutboxSessionEvents.courseCompleted(roster, atTheEdge));

        assertThat(atTheEdge.completed()).isTrue();
        assertThat(event.path("hoursAttendedExact").asString("absent")).isEqualTo("32");
        assertThat(event.path("hoursScheduledExact").asString("absent")).isEqualTo("40");
        assertThat(event.path("attendanceRateExact").asString("absent")).isEqualTo("0.8");
    }

    @Test
    void aRevisionCarriesWhatACertificateNeeds() {
        Roster roster = rosterOfA40HourCourse();
        Completion below = roster.decideOnStatedHours(ANA, new BigDecimal("30"), null, standardRule(),
                CompletionId.random(), DECIDED);
        Completion atTheEdge = roster.decideOnStatedHours(ANA, new BigDecimal("32"), null, standardRule(),
                CompletionId.random(), DECIDED);
        Completion revised = below.revisedBy(atTheEdge.verdict(), DECIDED.plusSeconds(86_400)).orElseThrow();

        CompletionRevised event = OutboxSessionEvents.completionRevised(roster, revised, Decision.NOT_COMPLETED,
                "attendance corrected");

        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.decision()).isEqualTo("COMPLETED");
        assertThat(event.carriesCertificateFacts()).isTrue();
        assertThat(event.participantName()).isEqualTo("Official ana");
        assertThat(event.institutionCode()).isEqualTo("BZ-POLICE");
        assertThat(event.courseTitle()).isEqualTo("Best Practices in Migration Management");
        assertThat(event.courseHours()).isEqualTo(40);
        assertThat(event.startDate()).isEqualTo(LocalDate.of(2019, 5, 13));
        assertThat(event.endDate()).isEqualTo(LocalDate.of(2019, 5, 18));
        assertThat(event.cohortCode()).isEqualTo("BMM-2019-05");
    }

    private static Roster rosterOfA40HourCourse() {
        Roster roster = Roster.open(new CohortId("cohort-1"), "BMM-2019-05", "BMM");
        roster.schedule("BMM-2019-05", new CohortSchedule(new Course("BMM", "Best Practices in Migration Management", 40),
                LocalDate.of(2019, 5, 13), LocalDate.of(2019, 5, 18), "Belmopan", 25));
        roster.enrol(new Enrolment(ANA, "Official ana", "BZ-POLICE", 1, Instant.parse("2019-04-01T09:00:00Z")));
        return roster;
    }

    private static CompletionRule standardRule() {
        return new CompletionRule(new RuleId("BMM", 1), CompletionTerms.standard(), RuleSource.CONFIG,
                Instant.parse("2019-04-01T09:00:00Z"));
    }
}
