package org.aula.certification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate: the attestation, under a printed number, that one holder completed one course in
 * one cohort. Issued once per completion and never changed; what it records is frozen at issue.
 */
public final class Certificate {

    private final CertificateId id;
    private final CertificateNumber number;
    private final Completion completion;
    private final Instant issuedAt;

    private Certificate(CertificateId id, CertificateNumber number, Completion completion, Instant issuedAt) {
        this.id = Guards.present(id, "certificate id");
        this.number = Guards.present(number, "certificate number");
        this.completion = Guards.present(completion, "completion");
        this.issuedAt = Guards.present(issuedAt, "issued at");
    }

    /**
     * Issues the certificate a completion earned. The number must be one drawn for this completion
     * (its course code and the year its cohort ended); a number made up for another course would
     * mislead every verifier.
     */
    public static Certificate issue(CertificateId id, CertificateNumber number, Completion completion, Instant issuedAt) {
        Guards.present(number, "certificate number");
        Guards.present(completion, "completion");
        if (!number.courseCode().equals(completion.course().code())) {
            throw new IllegalArgumentException("certificate number " + number + " is not for course " + completion.course().code());
        }
        if (number.year() != completion.cohort().endDate().getYear()) {
            throw new IllegalArgumentException("certificate number " + number + " is not for the year the cohort ended");
        }
        return new Certificate(id, number, completion, issuedAt);
    }

    /** A certificate as stored: it was checked when it was issued. */
    public static Certificate restore(CertificateId id, CertificateNumber number, Completion completion, Instant issuedAt) {
        return new Certificate(id, number, completion, issuedAt);
    }

    public CertificateId id() {
        return id;
    }

    public CertificateNumber number() {
        return number;
    }

    public Completion completion() {
        return completion;
    }

    public Holder holder() {
        return completion.holder();
    }

    public Course course() {
        return completion.course();
    }

    public Cohort cohort() {
        return completion.cohort();
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    /** Standing of the certificate; always valid until revocation arrives. */
    public CertificateStatus status() {
        return CertificateStatus.VALID;
    }

    /**
     * From the completion decision to the certificate. Two services' clocks are involved, so a
     * slightly negative difference is skew, not time travel: it counts as zero.
     */
    public Duration timeToIssue() {
        Duration elapsed = Duration.between(completion.decidedAt(), issuedAt);
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate certificate && certificate.id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id);
    }

    @Override
    public String toString() {
        return "Certificate[" + number + ", id=" + id + ", completion=" + completion.id() + "]";
    }
}
