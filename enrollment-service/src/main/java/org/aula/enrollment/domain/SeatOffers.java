package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Every seat offer: the port the persistence adapter implements. */
public interface SeatOffers {

    /** Stores a new offer; false (and nothing stored) when that waitlist place was offered a seat before. */
    boolean add(SeatOffer offer);

    Optional<SeatOffer> find(SeatOfferId id);

    /** The offer; refused ({@link OfferRefused.Reason#OFFER_UNKNOWN}) when there is none. */
    default SeatOffer get(SeatOfferId id) {
        return find(id).orElseThrow(() -> OfferRefused.unknown(id));
    }

    /** Locks an offer's row until the transaction ends and answers it. */
    Optional<SeatOffer> lock(SeatOfferId id);

    /** Stores an accepted offer. */
    void accepted(SeatOffer offer);

    /** Stores a declined offer. */
    void declined(SeatOffer offer);

    /** Offers into a cohort still pending at {@code now}. */
    int pendingInto(CohortId cohort, Instant now);

    /** Per institution, its offers into a cohort still pending at {@code now}. */
    Map<InstitutionCode, Integer> pendingIntoByInstitution(CohortId cohort, Instant now);

    /** Offers, newest first, optionally only those into one cohort, from one cohort and/or to one institution's officials. */
    Paging.Page<SeatOffer> list(@Nullable CohortId into, @Nullable CohortId from, @Nullable InstitutionCode institution,
            Paging paging);
}
