package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Objects;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * One participant in one cohort, nominated by an institution: seated, waiting, or withdrawn.
 * A participant has at most one enrolment per cohort.
 *
 * @param seatNumber       the seat held (1..capacity) while {@link EnrolmentStatus#ENROLLED}, else null
 * @param waitlistPosition the place in line (1 = next) while {@link EnrolmentStatus#WAITLISTED}, else null
 * @param changedAt        when it reached its current status
 */
public record Enrolment(EnrolmentId id, CohortId cohortId, ParticipantId participantId, InstitutionCode institution,
        EnrolmentStatus status, @Nullable Integer seatNumber, @Nullable Integer waitlistPosition, Instant changedAt) {

    public Enrolment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cohortId, "cohortId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
        if ((status == EnrolmentStatus.ENROLLED) != (seatNumber != null) || seatNumber != null && seatNumber < 1) {
            throw new IllegalArgumentException("an enrolment holds a seat (>= 1) exactly when it is ENROLLED");
        }
        if ((status == EnrolmentStatus.WAITLISTED) != (waitlistPosition != null) || waitlistPosition != null && waitlistPosition < 1) {
            throw new IllegalArgumentException("an enrolment has a waitlist position (>= 1) exactly when it is WAITLISTED");
        }
    }

    static Enrolment enrolled(EnrolmentId id, CohortId cohortId, ParticipantId participantId, InstitutionCode institution,
            int seatNumber, Instant at) {
        return new Enrolment(id, cohortId, participantId, institution, EnrolmentStatus.ENROLLED, seatNumber, null, at);
    }

    static Enrolment waitlisted(EnrolmentId id, CohortId cohortId, ParticipantId participantId,
            InstitutionCode institution, int position, Instant at) {
        return new Enrolment(id, cohortId, participantId, institution, EnrolmentStatus.WAITLISTED, null, position, at);
    }

    /** Takes a freed seat; only a waiting enrolment can (see {@link Cohort#promote}). */
    Enrolment promote(int seat, Instant at) {
        if (status != EnrolmentStatus.WAITLISTED) {
            throw new IllegalStateException("enrolment " + id + " is " + status + ", not waiting for a seat");
        }
        return new Enrolment(id, cohortId, participantId, institution, EnrolmentStatus.ENROLLED, seat, null, at);
    }

    /** Leaves the cohort, giving up the seat or the place in line; refuses to withdraw twice. */
    public Withdrawal withdraw(String reason, Instant at) {
        if (status == EnrolmentStatus.WITHDRAWN) {
            throw new IllegalStateException("enrolment " + id + " is already withdrawn");
        }
        Enrolment withdrawn = new Enrolment(id, cohortId, participantId, institution, EnrolmentStatus.WITHDRAWN, null,
                null, at);
        Require.text(reason, "withdrawal reason", 500);
        return new Withdrawal(withdrawn, reason, seatNumber, waitlistPosition);
    }

    public boolean isWithdrawn() {
        return status == EnrolmentStatus.WITHDRAWN;
    }

    /**
     * What a withdrawal left behind.
     *
     * @param enrolment      the enrolment, now withdrawn
     * @param reason         why, in a few words (e.g. "withdrawn by staff")
     * @param freedSeat      the seat given up, or null when the participant was waiting
     * @param leftWaitlistAt the place in line given up, or null when the participant held a seat
     */
    public record Withdrawal(Enrolment enrolment, String reason, @Nullable Integer freedSeat,
            @Nullable Integer leftWaitlistAt) {
    }
}
