package org.aula.session.domain.rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of a course's completion policy: a participant completes when the hours attended
 * reach the minimum share of the course's <em>scheduled</em> hours (never of the sessions held so
 * far), every required assessment is passed, and they did not withdraw. Decided on exact
 * decimals, so 32 of 40 hours completes and 31.96 of 40 does not.
 *
 * <p>Versions are numbered per course ({@code BMM.completion.v1}, {@code .v2}, ...) and every
 * decision carries the version it was made under; a decision revised later keeps its version.
 */
public record CompletionRule(RuleId id, CompletionTerms terms, RuleSource source, Instant definedAt) {

    public CompletionRule {
        Objects.requireNonNull(id, "rule id");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(definedAt, "defined at");
    }

    /** The name decisions carry, e.g. {@code BMM.completion.v1}. */
    public String version() {
        return id.label();
    }

    public String courseCode() {
        return id.courseCode();
    }

    public boolean requiresAssessments() {
        return !terms.assessments().isEmpty();
    }

    /** Judges one participant; every shortfall is a reason, so a NOT_COMPLETED verdict says all that is missing. */
    public Verdict judge(Participation participation) {
        Attendance attendance = new Attendance(participation.hoursAttended(), participation.hoursScheduled());
        List<String> reasons = new ArrayList<>();
        if (participation.withdrawn()) {
            reasons.add(Verdict.WITHDRAWN);
        }
        if (!attendance.reaches(terms.minimumAttendanceRate())) {
            reasons.add(Verdict.ATTENDANCE_BELOW_MINIMUM);
        }
        List<AssessmentOutcome> outcomes = new ArrayList<>();
        for (RequiredAssessment assessment : terms.assessments()) {
            BigDecimal score = participation.scores().get(assessment.code());
            if (score == null) {
                reasons.add(Verdict.ASSESSMENT_MISSING + assessment.code());
                continue;
            }
            boolean passed = assessment.passedBy(score);
            outcomes.add(new AssessmentOutcome(assessment.code(), assessment.title(), score, assessment.passMark(), passed));
            if (!passed) {
                reasons.add(Verdict.ASSESSMENT_FAILED + assessment.code());
            }
        }
        return new Verdict(reasons.isEmpty() ? Decision.COMPLETED : Decision.NOT_COMPLETED,
                attendance.hoursAttended(), attendance.hoursScheduled(), attendance.rate(), outcomes, reasons);
    }

    @Override
    public String toString() {
        return version();
    }
}
