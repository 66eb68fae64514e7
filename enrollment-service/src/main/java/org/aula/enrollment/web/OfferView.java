package org.aula.enrollment.web;

import java.time.Instant;

import org.aula.enrollment.domain.OfferStatus;
import org.aula.enrollment.domain.SeatOffer;
import org.jspecify.annotations.Nullable;

/**
 * A seat offer: a seat in {@code cohortId} for the official waiting for {@code fromCohortId}; {@code status}
 * as of now (EXPIRED once past {@code expiresAt} unaccepted); {@code enrolmentId} once accepted; {@code declinedAt}
 * once declined.
 */
record OfferView(String offerId, String cohortId, String fromCohortId, String fromEnrolmentId, String participantId,
        String institutionCode, OfferStatus status, Instant offeredAt, Instant expiresAt, @Nullable Instant acceptedAt,
        @Nullable String enrolmentId, @Nullable Instant declinedAt) {

    static OfferView of(SeatOffer offer, Instant now) {
        return new OfferView(offer.id().toString(), offer.cohortId().toString(), offer.fromCohortId().toString(),
                offer.fromEnrolmentId().toString(), offer.participantId().toString(), offer.institution().value(),
                offer.statusAt(now), offer.offeredAt(), offer.expiresAt(), offer.acceptedAt(),
                offer.enrolmentId() == null ? null : offer.enrolmentId().toString(), offer.declinedAt());
    }
}
