package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.OfferRefused;
import org.aula.enrollment.domain.OfferStatus;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOfferId;
import org.aula.enrollment.domain.SeatOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seat offer is declined for the official (by their institution's focal point or by staff): the official keeps
 * their waitlist place (one offer per waitlist place, ever: they are not offered another for it), the offer is
 * {@code seat.declined}, and in the same transaction the seat is passed on: the offer round of
 * {@link OfferWaitlistedSeats} runs again for the cohort the official waits for, so the next official in line who
 * has had no offer gets one ({@code seat.offered}), by the same policy as when the cohort filled. Declining again
 * answers the declined offer and publishes nothing.
 */
@Service
public class DeclineSeatOffer {

    private static final Logger log = LoggerFactory.getLogger(DeclineSeatOffer.class);

    private final SeatOffers offers;
    private final Cohorts cohorts;
    private final EnrollmentEvents events;
    private final OfferWaitlistedSeats offerRound;
    private final EnrollmentMetrics metrics;
    private final Clock clock;

    DeclineSeatOffer(SeatOffers offers, Cohorts cohorts, EnrollmentEvents events, OfferWaitlistedSeats offerRound,
            EnrollmentMetrics metrics, Clock clock) {
        this.offers = offers;
        this.cohorts = cohorts;
        this.events = events;
        this.offerRound = offerRound;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The declined offer, and the offers the round made to the next officials in line (none when repeated). */
    public record Result(SeatOffer declined, List<SeatOffer> passedOn) {
    }

    /**
     * Declines the offer. Refused ({@link OfferRefused}) for an unknown offer, an accepted one and an expired one
     * (it passed on by itself: nothing to decline).
     */
    @Transactional
    public Result decline(SeatOfferId id) {
        // Lock order as everywhere (see AcceptSeatOffer): the offer, then the cohorts (the round locks them by id).
        SeatOffer offer = offers.lock(id).orElseThrow(() -> OfferRefused.unknown(id));
        // Stored to the microsecond (PostgreSQL): the answer, the event and a later read then say the same time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OfferStatus status = offer.statusAt(now);
        if (status == OfferStatus.DECLINED) {
            return new Result(offer, List.of());
        }
        if (status == OfferStatus.ACCEPTED) {
            throw new OfferRefused(OfferRefused.Reason.ACCEPTED, "offer " + id
                    + " was accepted; withdraw the official from the cohort instead");
        }
        if (status == OfferStatus.EXPIRED) {
            throw new OfferRefused(OfferRefused.Reason.EXPIRED, "offer " + id + " expired at " + offer.expiresAt()
                    + "; there is nothing to decline");
        }
        SeatOffer declined = offer.decline(now);
        offers.declined(declined);
        Cohort target = cohorts.find(offer.cohortId()).orElseThrow();
        Cohort waitedFor = cohorts.find(offer.fromCohortId()).orElseThrow();
        events.declined(declined, target, waitedFor);
        metrics.offer(target, "declined");
        log.info("Offer {} declined for enrolment {}; the seat in cohort {} is offered on", id, offer.fromEnrolmentId(),
                offer.cohortId());
        List<SeatOffer> passedOn = offerRound.offerFrom(offer.fromCohortId());
        return new Result(declined, passedOn);
    }
}
