package org.aula.session.domain.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionRuleTest {

    private static final Instant DEFINED = Instant.parse("2019-04-01T09:00:00Z");

    /** BMM as the issue describes it: 80% of the scheduled hours, case study and role play passed at 60. */
    private static final CompletionRule BMM = rule(new CompletionTerms(new BigDecimal("0.80"), List.of(
            new RequiredAssessment("BMM-CS", "Case study", BigDecimal.valueOf(60)),
            new RequiredAssessment("BMM-RP", "Role play", BigDecimal.valueOf(60)))));

    private static final CompletionRule ATTENDANCE_ONLY = rule(CompletionTerms.standard());

    @ParameterizedTest(name = "{0} of {1} h, CS {2}, RP {3}, withdrawn {4} -> {5} {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # attended | scheduled | CS  | RP  | withdrawn | decision      | rate     | reasons
            31.96      | 40        | 80  | 80  | false     | NOT_COMPLETED | 0.799    | attendance-below-minimum
            32         | 40        | 80  | 80  | false     | COMPLETED     | 0.8      | -
            32.00      | 40        | 60  | 60  | false     | COMPLETED     | 0.8      | -
            40         | 40        | 100 | 100 | false     | COMPLETED     | 1        | -
            0          | 40        | -   | -   | false     | NOT_COMPLETED | 0        | attendance-below-minimum assessment-missing:BMM-CS assessment-missing:BMM-RP
            38.5       | 40        | 59.99 | 75 | false    | NOT_COMPLETED | 0.9625   | assessment-failed:BMM-CS
            38.5       | 40        | 75  | 45  | false     | NOT_COMPLETED | 0.9625   | assessment-failed:BMM-RP
            38.5       | 40        | 75  | -   | false     | NOT_COMPLETED | 0.9625   | assessment-missing:BMM-RP
            31.96      | 40        | 40  | 80  | false     | NOT_COMPLETED | 0.799    | attendance-below-minimum assessment-failed:BMM-CS
            36         | 40        | 90  | 90  | true      | NOT_COMPLETED | 0.9      | withdrawn
            12         | 40        | -   | -   | true      | NOT_COMPLETED | 0.3      | withdrawn attendance-below-minimum assessment-missing:BMM-CS assessment-missing:BMM-RP
            27.2       | 34        | 60  | 60  | false     | COMPLETED     | 0.8      | -
            31.99999   | 40        | 60  | 60  | false     | NOT_COMPLETED | 0.799999 | attendance-below-minimum
            """)
    void decidesOnScheduledHoursEveryAssessmentAndWithdrawal(String attended, int scheduled, String caseStudy,
            String rolePlay, boolean withdrawn, Decision decision, String rate, String reasons) {
        Map<String, BigDecimal> scores = new HashMap<>();
        if (caseStudy != null) {
            scores.put("BMM-CS", new BigDecimal(caseStudy));
        }
        if (rolePlay != null) {
            scores.put("BMM-RP", new BigDecimal(rolePlay));
        }

        Verdict verdict = BMM.judge(new Participation(new BigDecimal(attended), BigDecimal.valueOf(scheduled), scores,
                withdrawn));

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.attendanceRate()).isEqualByComparingTo(rate);
        assertThat(verdict.reasons()).containsExactlyElementsOf(reasons == null ? List.of() : Arrays.asList(reasons.split(" ")));
        assertThat(verdict.assessments()).extracting(AssessmentOutcome::code)
                .containsExactlyElementsOf(scores.keySet().stream().sorted().toList());
    }

    @ParameterizedTest(name = "{0} of {1} h -> {2} (rate {3})")
    @CsvSource({
            // attended, scheduled, decision,     rate
            "31.96,      40,        NOT_COMPLETED, 0.799",
            "32,         40,        COMPLETED,     0.8",
            "0,          40,        NOT_COMPLETED, 0",
            "40,         40,        COMPLETED,     1",
            "38.5,       40,        COMPLETED,     0.9625",
            // 27.2 / 34 is exactly 0.8: a binary double could land just below it, decimals do not
            "27.2,       34,        COMPLETED,     0.8",
            "24,         30,        COMPLETED,     0.8",
            "23.99,      30,        NOT_COMPLETED, 0.799666",
    })
    void withoutAssessmentsAttendanceAloneDecides(String attended, int scheduled, Decision decision, String rate) {
        Verdict verdict = ATTENDANCE_ONLY.judge(participation(attended, scheduled));

        assertThat(verdict.decision()).isEqualTo(decision);
        assertThat(verdict.attendanceRate()).isEqualByComparingTo(rate);
        assertThat(verdict.assessments()).isEmpty();
    }

    @Test
    void theAssessmentOutcomesCarryScoreAndPassMark() {
        Verdict verdict = BMM.judge(new Participation(new BigDecimal("36"), BigDecimal.valueOf(40),
                Map.of("BMM-CS", new BigDecimal("72.50"), "BMM-RP", new BigDecimal("60")), false));

        assertThat(verdict.assessments()).containsExactly(
                new AssessmentOutcome("BMM-CS", "Case study", new BigDecimal("72.5"), BigDecimal.valueOf(60), true),
                new AssessmentOutcome("BMM-RP", "Role play", BigDecimal.valueOf(60), BigDecimal.valueOf(60), true));
    }

    @Test
    void aScoreForAnAssessmentTheRuleDoesNotRequireIsIgnored() {
        Verdict verdict = ATTENDANCE_ONLY.judge(new Participation(BigDecimal.valueOf(40), BigDecimal.valueOf(40),
                Map.of("BMM-CS", BigDecimal.ZERO), false));

        assertThat(verdict.completed()).isTrue();
        assertThat(verdict.assessments()).isEmpty();
    }

    @Test
    void rateIsTruncatedSoItNeverReadsAsReachingAThresholdItMissed() {
        // 31.999999 / 40 = 0.799999975: rounding to 6 places would show 0.8 next to NOT_COMPLETED.
        Verdict verdict = ATTENDANCE_ONLY.judge(participation("31.999999", 40));

        assertThat(verdict.decision()).isEqualTo(Decision.NOT_COMPLETED);
        assertThat(verdict.attendanceRate()).isEqualByComparingTo("0.799999");
    }

    @Test
    void aConfiguredThresholdMovesTheEdge() {
        CompletionRule lenient = rule(CompletionTerms.attendanceOnly(new BigDecimal("0.75")));

        assertThat(lenient.judge(participation("30", 40)).decision()).isEqualTo(Decision.COMPLETED);
        assertThat(ATTENDANCE_ONLY.judge(participation("30", 40)).decision()).isEqualTo(Decision.NOT_COMPLETED);
    }

    @Test
    void theVersionNamesCourseAndNumber() {
        CompletionRule rule = new CompletionRule(new RuleId("BMM", 3), CompletionTerms.standard(), RuleSource.API,
                DEFINED);

        assertThat(rule.version()).isEqualTo("BMM.completion.v3");
    }

    @Test
    void termsCompareByValueSoAnUnchangedDefinitionIsRecognised() {
        CompletionTerms written = new CompletionTerms(new BigDecimal("0.8"),
                List.of(new RequiredAssessment("BMM-CS", "Case study", new BigDecimal("60.0"))));
        CompletionTerms stored = new CompletionTerms(new BigDecimal("0.800"),
                List.of(new RequiredAssessment("BMM-CS", "Case study", BigDecimal.valueOf(60))));

        assertThat(written).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource({"0", "-0.1", "1.01"})
    void refusesThresholdsOutsideZeroToOne(String threshold) {
        assertThatThrownBy(() -> CompletionTerms.attendanceOnly(new BigDecimal(threshold)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAssessmentRequiredTwiceAndMalformedAssessments() {
        RequiredAssessment cs = new RequiredAssessment("BMM-CS", "Case study", BigDecimal.valueOf(60));
        assertThatThrownBy(() -> new CompletionTerms(BigDecimal.ONE, List.of(cs, cs)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequiredAssessment("bmm cs", "Case study", BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequiredAssessment("BMM-CS", "Case study", BigDecimal.valueOf(101)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"-1, 40", "40.01, 40", "1, 0"})
    void attendanceRefusesHoursOutsideTheSchedule(String attended, String scheduled) {
        assertThatThrownBy(() -> new Attendance(new BigDecimal(attended), new BigDecimal(scheduled)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Participation participation(String attended, int scheduled) {
        return new Participation(new BigDecimal(attended), BigDecimal.valueOf(scheduled), Map.of(), false);
    }

    private static CompletionRule rule(CompletionTerms terms) {
        return new CompletionRule(new RuleId("BMM", 1), terms, RuleSource.CONFIG, DEFINED);
    }
}
