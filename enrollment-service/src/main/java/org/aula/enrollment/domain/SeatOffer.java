package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A seat in an open cohort ({@code cohortId}) offered to an official waiting for a full cohort of the
 * same course ({@code fromCohortId}, their waitlist place {@code fromEnrolmentId}). Offers do not
 * hold seats: accepting one claims a seat like a nomination, if one is still free.
 *
 * @param enrolmentId the enrolment in {@code cohortId} that accepting created; null until accepted
 * @param declinedAt  when the offer was declined for the official; null unless declined
 */
public record SeatOffer(SeatOfferId id, CohortId cohortId, CohortId fromCohortId, EnrolmentId fromEnrolmentId,
        ParticipantId participantId, InstitutionCode institution, OfferStatus status, Instant offeredAt,
        Instant expiresAt, @Nullable Instant acceptedAt, @Nullable EnrolmentId enrolmentId, @Nullable Instant declinedAt) {

    public SeatOffer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cohortId, "cohortId");
        Objects.requireNonNull(fromCohortId, "fromCohortId");
        Objects.requireNonNull(fromEnrolmentId, "fromEnrolmentId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(institution, "institution");
        Objects.requireNonNull(status, "status");
        if (status == OfferStatus.EXPIRED) {
            throw new IllegalArgumentException("EXPIRED is not stored: it is a PENDING offer past expiresAt");
        }
        if (cohortId.equals(fromCohortId)) {
            throw new IllegalArgumentException("a seat is offered in another cohort than the one waited for");
        }
        if (!expiresAt.isAfter(offeredAt)) {
            throw new IllegalArgumentException("an offer expires after it is made");
        }
        if ((status == OfferStatus.ACCEPTED) != (acceptedAt != null && enrolmentId != null)) {
            throw new IllegalArgumentException("an accepted offer records when and which enrolment, a pending one neither");
        }
        if ((status == OfferStatus.DECLINED) != (declinedAt != null)) {
            throw new IllegalArgumentException("a declined offer records when, no other does");
        }
    }

    /** A new offer, open until {@code expiresAt}. */
    public static SeatOffer make(SeatOfferId id, CohortId cohortId, Enrolment waiting, Instant offeredAt,
            Instant expiresAt) {
        if (waiting.status() != EnrolmentStatus.WAITLISTED) {
            throw new IllegalArgumentException("only a waiting official is offered a seat, not enrolment " + waiting.id());
        }
        return new SeatOffer(id, cohortId, waiting.cohortId(), waiting.id(), waiting.participantId(),
                waiting.institution(), OfferStatus.PENDING, offeredAt, expiresAt, null, null, null);
    }

    /** The status as of {@code now}: a pending offer past its time is EXPIRED. */
    public OfferStatus statusAt(Instant now) {
        return status == OfferStatus.PENDING && !now.isBefore(expiresAt) ? OfferStatus.EXPIRED : status;
    }

    /** Accepted with the enrolment it created; refuses an offer that is not pending at {@code at}. */
    public SeatOffer accept(EnrolmentId enrolment, Instant at) {
        OfferStatus now = statusAt(at);
        if (now != OfferStatus.PENDING) {
            throw new IllegalStateException("offer " + id + " is " + now + ", it cannot be accepted");
        }
        return new SeatOffer(id, cohortId, fromCohortId, fromEnrolmentId, participantId, institution,
                OfferStatus.ACCEPTED, offeredAt, expiresAt, at, enrolment, null);
    }

    /**
     * Declined for the official at {@code at}: they keep their waitlist place, and the seat is no longer promised
     * to them (it counts as offerable again). Refuses an offer that is not pending at {@code at}.
     */
    public SeatOffer decline(Instant at) {
        OfferStatus now = statusAt(at);
        if (now != OfferStatus.PENDING) {
            throw new IllegalStateException("offer " + id + " is " + now + ", it cannot be declined");
        }
        return new SeatOffer(id, cohortId, fromCohortId, fromEnrolmentId, participantId, institution,
                OfferStatus.DECLINED, offeredAt, expiresAt, null, null, at);
    }
}
