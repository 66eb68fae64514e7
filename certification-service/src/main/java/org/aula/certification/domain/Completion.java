package org.aula.certification.domain;

import java.time.Instant;

/**
 * A participant's completed course, as decided at the end of the cohort: what a certificate is
 * issued for. One completion earns at most one certificate, and so does one participant in one
 * cohort.
 *
 * @param id        the completion decision's id
 * @param holder    who completed
 * @param course    what they completed
 * @param cohort    in which run
 * @param decidedAt when the completion was decided (the start of "time to certificate")
 */
public record Completion(CompletionId id, Holder holder, Course course, Cohort cohort, Instant decidedAt) {

    public Completion {
        Guards.present(id, "completion id");
        Guards.present(holder, "holder");
        Guards.present(course, "course");
        Guards.present(cohort, "cohort");
        Guards.present(decidedAt, "decided at");
        // Refuse now what could never be numbered, rather than after a sequence value is spent.
        CertificateNumber.requireNumberable(course.code(), cohort.endDate().getYear());
    }

    /** The number a certificate for this completion gets with the given sequence value. */
    public CertificateNumber numberWith(int sequence) {
        return new CertificateNumber(course.code(), cohort.endDate().getYear(), sequence);
    }
}
