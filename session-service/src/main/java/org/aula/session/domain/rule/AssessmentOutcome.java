package org.aula.session.domain.rule;

import java.math.BigDecimal;

import org.aula.kernel.Require;
import org.aula.session.domain.Decimals;

/** A participant's score in one required assessment, against its pass mark. */
public record AssessmentOutcome(String code, String title, BigDecimal score, BigDecimal passMark, boolean passed) {

    public AssessmentOutcome {
        Require.text(code, "assessment code");
        Require.text(title, "assessment title");
        score = Decimals.normal(RequiredAssessment.requireScore(score, "score"));
        passMark = Decimals.normal(RequiredAssessment.requireScore(passMark, "pass mark"));
    }
}
