package org.aula.session.domain.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.aula.session.domain.CohortId;
import org.aula.session.domain.CompletionId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.rule.Attendance;
import org.aula.session.domain.rule.Decision;
import org.aula.session.domain.rule.Verdict;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private static final Instant DECIDED = Instant.parse("2019-05-18T17:00:00Z");

    private final Completion decided = Completion.decided(CompletionId.random(), new CohortId("cohort-1"),
            new ParticipantId("ana"), DecisionBasis.RECORDED_DELIVERY, verdict("31.5", Decision.NOT_COMPLETED),
            "BMM.completion.v1", DECIDED);

    @Test
    void aCorrectionThatChangesTheVerdictIsTheNextRevisionUnderTheSameRule() {
        Completion revised = decided.revisedBy(verdict("32", Decision.COMPLETED), DECIDED.plusSeconds(60)).orElseThrow();

        assertThat(revised.id()).isEqualTo(decided.id());
        assertThat(revised.revision()).isEqualTo(1);
        assertThat(revised.decision()).isEqualTo(Decision.COMPLETED);
        assertThat(revised.ruleVersion()).isEqualTo("BMM.completion.v1");
        assertThat(revised.decidedAt()).isEqualTo(DECIDED);
        assertThat(revised.revisedAt()).isEqualTo(DECIDED.plusSeconds(60));
    }

    @Test
    void changedFiguresWithTheSameDecisionAreARevisionToo() {
        assertThat(decided.revisedBy(verdict("30", Decision.NOT_COMPLETED), DECIDED.plusSeconds(60))).isPresent();
    }

    @Test
    void theSameFiguresWrittenDifferentlyAreNoRevision() {
        assertThat(decided.revisedBy(verdict("31.50", Decision.NOT_COMPLETED), DECIDED.plusSeconds(60))).isEmpty();
    }

    private static Verdict verdict(String hours, Decision decision) {
        BigDecimal attended = new BigDecimal(hours);
        return new Verdict(decision, attended, new BigDecimal("40.0"),
                new Attendance(attended, BigDecimal.valueOf(40)).rate(), List.of(),
                decision == Decision.COMPLETED ? List.of() : List.of(Verdict.ATTENDANCE_BELOW_MINIMUM));
    }
}
