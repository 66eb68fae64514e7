package org.aula.certification.domain;

import java.time.Instant;
import java.util.List;

import org.aula.kernel.Require;

/**
 * A participant's completed course, as decided at the end of the cohort: what a certificate is
 * issued for. One completion earns at most one certificate, and so does one participant in one
 * cohort.
 *
 * @param id                the completion decision's id
 * @param holder            who completed
 * @param course            what they completed
 * @param cohort            in which run
 * @param ruleVersion       the completion rule the decision applied, e.g. {@code attendance-80-v1}
 *                          (the credential's criteria name it)
 * @param passedAssessments titles of the required assessments passed, in the order decided (may be empty)
 * @param decidedAt         when the completion was decided (the start of "time to certificate")
 */
public record Completion(CompletionId id, Holder holder, Course course, Cohort cohort, String ruleVersion,
        List<String> passedAssessments, Instant decidedAt) {

    public Completion {
        Require.present(id, "completion id");
        Require.present(holder, "holder");
        Require.present(course, "course");
        Require.present(cohort, "cohort");
        ruleVersion = Require.text(ruleVersion, "rule version");
        passedAssessments = List.copyOf(Require.present(passedAssessments, "passed assessments"));
        passedAssessments.forEach(title -> Require.text(title, "assessment title"));
        Require.present(decidedAt, "decided at");
        // Refuse now what could never be numbered, rather than after a sequence value is spent.
        AwardNumber.requireNumberable(AwardNumber.Kind.CERTIFICATE, course.code(), cohort.endDate().getYear());
    }

    /** The number a certificate for this completion gets with the given sequence value. */
    public AwardNumber numberWith(int sequence) {
        return AwardNumber.certificate(course.code(), cohort.endDate().getYear(), sequence);
    }

    /** The same completion made out to another holder (the pseudonym of an erased participant). */
    public Completion madeOutTo(Holder other) {
        return new Completion(id, other, course, cohort, ruleVersion, passedAssessments, decidedAt);
    }
}
