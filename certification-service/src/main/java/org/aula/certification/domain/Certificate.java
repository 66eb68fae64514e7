package org.aula.certification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * A certificate: the attestation, under a printed number, that one holder completed one course in
 * one cohort. What it attests is frozen at issue; afterwards it can only be revoked (once, with a
 * reason) or have its holder's name replaced by a pseudonym when their data is erased.
 */
public final class Certificate {

    private final CertificateId id;
    private final AwardNumber number;
    private final Completion completion;
    private final Instant issuedAt;
    private final StatusListEntry statusListEntry;
    private final @Nullable Instant validUntil;
    private final @Nullable Revocation revocation;

    private Certificate(CertificateId id, AwardNumber number, Completion completion, Instant issuedAt,
            StatusListEntry statusListEntry, @Nullable Instant validUntil, @Nullable Revocation revocation) {
        this.id = Require.present(id, "certificate id");
        this.number = Require.present(number, "certificate number");
        this.completion = Require.present(completion, "completion");
        this.issuedAt = Require.present(issuedAt, "issued at");
        this.statusListEntry = Require.present(statusListEntry, "status list entry");
        this.validUntil = validUntil;
        this.revocation = revocation;
    }

    /**
     * Issues the certificate a completion earned. The number must be one drawn for this completion
     * (its course code and the year its cohort ended); a number made up for another course would
     * mislead every verifier.
     */
    public static Certificate issue(CertificateId id, AwardNumber number, Completion completion, Instant issuedAt,
            StatusListEntry statusListEntry, Validity validity) {
        Require.present(number, "certificate number");
        Require.present(completion, "completion");
        Require.present(issuedAt, "issued at");
        Require.present(validity, "validity");
        if (!number.code().equals(completion.course().code())) {
            throw new IllegalArgumentException("certificate number " + number + " is not for course " + completion.course().code());
        }
        if (number.year() != completion.cohort().endDate().getYear()) {
            throw new IllegalArgumentException("certificate number " + number + " is not for the year the cohort ended");
        }
        return new Certificate(id, number, completion, issuedAt, statusListEntry, validity.endOf(issuedAt), null);
    }

    /** A certificate as stored: it was checked when it was issued. */
    public static Certificate restore(CertificateId id, AwardNumber number, Completion completion, Instant issuedAt,
            StatusListEntry statusListEntry, @Nullable Instant validUntil, @Nullable Revocation revocation) {
        return new Certificate(id, number, completion, issuedAt, statusListEntry, validUntil, revocation);
    }

    /**
     * Withdraws the certificate. Revocation is final and happens once: a second attempt is refused
     * so that the first reason and time stand.
     *
     * @throws CertificateRefused {@link CertificateRefused.Reason#ALREADY_REVOKED} if it was revoked before
     */
    public Certificate revoke(String reason, Instant at) {
        if (revocation != null) {
            throw CertificateRefused.alreadyRevoked(number);
        }
        return new Certificate(id, number, completion, issuedAt, statusListEntry, validUntil, new Revocation(reason, at));
    }

    /** Standing at {@code now}: revocation outranks expiry, since it says more. */
    public CertificateStatus statusAt(Instant now) {
        if (revocation != null) {
            return CertificateStatus.REVOKED;
        }
        if (validUntil != null && !now.isBefore(validUntil)) {
            return CertificateStatus.EXPIRED;
        }
        return CertificateStatus.VALID;
    }

    public boolean isRevoked() {
        return revocation != null;
    }

    public CertificateId id() {
        return id;
    }

    public AwardNumber number() {
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

    public StatusListEntry statusListEntry() {
        return statusListEntry;
    }

    /** End of validity; null when the certificate does not expire. */
    public @Nullable Instant validUntil() {
        return validUntil;
    }

    /** Why and when it was revoked; null while it stands. */
    public @Nullable Revocation revocation() {
        return revocation;
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
