package org.aula.session.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionRuleTest {

    private final CompletionRule rule = CompletionRule.standard();

    @ParameterizedTest(name = "{0} of {1} h -> {2} (rate {3})")
    @CsvSource({
            // attended, scheduled, decision,     rate
            "31.96,      40,        NOT_COMPLETED, 0.799",
            "32,         40,        COMPLETED,     0.8",
            "32.00,      40,        COMPLETED,     0.8",
            "0,          40,        NOT_COMPLETED, 0",
            "40,         40,        COMPLETED,     1",
            "38.5,       40,        COMPLETED,     0.9625",
            "31.99999,   40,        NOT_COMPLETED, 0.799999",
            // 27.2 / 34 is exactly 0.8: a binary double could land just below it, decimals do not
            "27.2,       34,        COMPLETED,     0.8",
            "24,         30,        COMPLETED,     0.8",
            "23.99,      30,        NOT_COMPLETED, 0.799666",
    })
    void decidesOnTheAttendedShareOfScheduledHours(String attended, int scheduled, Decision decision, String rate) {
        Attendance attendance = new Attendance(new BigDecimal(attended), BigDecimal.valueOf(scheduled));

        assertThat(rule.decide(attendance)).isEqualTo(decision);
        assertThat(attendance.rate()).isEqualByComparingTo(rate);
    }

    @Test
    void rateIsTruncatedSoItNeverReadsAsReachingAThresholdItMissed() {
        // 31.999999 / 40 = 0.799999975: rounding to 6 places would show 0.8 next to NOT_COMPLETED.
        Attendance attendance = new Attendance(new BigDecimal("31.999999"), BigDecimal.valueOf(40));

        assertThat(rule.decide(attendance)).isEqualTo(Decision.NOT_COMPLETED);
        assertThat(attendance.rate()).isEqualByComparingTo("0.799999");
    }

    @ParameterizedTest(name = "threshold {0} -> {1}")
    @CsvSource({
            "0.80,  attendance-min-80.v1",
            "0.8,   attendance-min-80.v1",
            "0.75,  attendance-min-75.v1",
            "0.825, attendance-min-82.5.v1",
            "1,     attendance-min-100.v1",
    })
    void versionNamesTheThreshold(String threshold, String version) {
        assertThat(new CompletionRule(new BigDecimal(threshold)).version()).isEqualTo(version);
    }

    @Test
    void standardRuleIsAttendanceMin80() {
        assertThat(rule.version()).isEqualTo("attendance-min-80.v1");
        assertThat(rule.minimumAttendanceRate()).isEqualByComparingTo("0.80");
    }

    @Test
    void aConfiguredThresholdMovesTheEdge() {
        CompletionRule lenient = new CompletionRule(new BigDecimal("0.75"));
        Attendance thirtyOfForty = new Attendance(BigDecimal.valueOf(30), BigDecimal.valueOf(40));

        assertThat(lenient.decide(thirtyOfForty)).isEqualTo(Decision.COMPLETED);
        assertThat(rule.decide(thirtyOfForty)).isEqualTo(Decision.NOT_COMPLETED);
    }

    @ParameterizedTest
    @CsvSource({"0", "-0.1", "1.01"})
    void refusesThresholdsOutsideZeroToOne(String threshold) {
        assertThatThrownBy(() -> new CompletionRule(new BigDecimal(threshold)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"-1, 40", "40.01, 40", "1, 0"})
    void attendanceRefusesHoursOutsideTheSchedule(String attended, String scheduled) {
        assertThatThrownBy(() -> new Attendance(new BigDecimal(attended), new BigDecimal(scheduled)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
