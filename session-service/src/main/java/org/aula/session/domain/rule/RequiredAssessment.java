package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.aula.kernel.Require;
import org.aula.session.domain.Decimals;

/**
 * An assessment a course requires (e.g. the case study {@code BMM-CS}), scored 0..100 and passed
 * with a score of at least {@code passMark}.
 */
public record RequiredAssessment(String code, String title, BigDecimal passMark) {

    /** Codes are short upper-case names: {@code BMM-CS}, {@code BMM-RP}. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    /** The highest score an assessment gives. */
    public static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    public RequiredAssessment {
        Require.text(code, "assessment code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("assessment code must match " + CODE);
        }
        Require.text(title, "assessment title");
        requireScore(passMark, "pass mark");
        passMark = Decimals.normal(passMark);
    }

    /** Whether {@code score} passes this assessment. */
    public boolean passedBy(BigDecimal score) {
        return score.compareTo(passMark) >= 0;
    }

    /** Guards a score (or pass mark) to lie in 0..{@value} percent. */
    public static BigDecimal requireScore(BigDecimal score, String what) {
        return Require.inRange(score, BigDecimal.ZERO, MAX_SCORE, what);
    }
}
