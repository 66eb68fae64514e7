package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolment;
import org.aula.enrollment.domain.EnrolmentStatus;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.OfferRefused;
import org.aula.enrollment.domain.OfferStatus;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOfferId;
import org.aula.enrollment.domain.SeatOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An official accepts a seat offered in another cohort: in one transaction they are seated there (like a
 * nomination by their institution, quota included) and leave the waitlist they were on
 * ({@code participant.enrolled} on the offering cohort, {@code participant.withdrawn} on the other, and the
 * counts of both). Accepting again answers the same enrolment. Offers hold no seat: when the offering
 * cohort has no free seat left the acceptance is refused and the official keeps their waitlist place.
 */
@Service
public class AcceptSeatOffer {

    private static final Logger log = LoggerFactory.getLogger(AcceptSeatOffer.class);

    private final SeatOffers offers;
    private final Cohorts cohorts;
    private final Participants participants;
    private final Enrolments enrolments;
    private final ClaimSeat claimSeat;
    private final WithdrawParticipant withdrawals;
    private final CountsChanged counts;
    private final EnrollmentMetrics metrics;
    private final Clock clock;

    AcceptSeatOffer(SeatOffers offers, Cohorts cohorts, Participants participants, Enrolments enrolments,
            ClaimSeat claimSeat, WithdrawParticipant withdrawals, CountsChanged counts, EnrollmentMetrics metrics,
            Clock clock) {
        this.offers = offers;
        this.cohorts = cohorts;
        this.participants = participants;
        this.enrolments = enrolments;
        this.claimSeat = claimSeat;
        this.withdrawals = withdrawals;
        this.counts = counts;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The enrolment in the offering cohort, and whether this request created it. */
    public record Result(Enrolment enrolment, boolean created) {
    }

    /**
     * Accepts the offer. Refused ({@link OfferRefused}) for an unknown offer, an expired or declined one, and when the offering
     * cohort has no free seat or is not open, the official is already in it, holds a seat in the cohort they
     * waited for, or their institution's quota there is exhausted.
     */
    @Transactional
    public Result accept(SeatOfferId id) {
        // Lock order, the one every path keeps (issue 9): the offer (only this use case locks offer rows), then
        // cohort rows by id ascending, then participant rows. The offer round of the waitlist consumer holds both its
        // cohorts when its inserts check the participant (the foreign key's FOR KEY SHARE); locking the person before
        // the cohorts here, as this use case did, made the two wait for each other: PostgreSQL deadlock 40P01
        // (OfferLockOrderIT reproduced it).
        SeatOffer offer = offers.lock(id).orElseThrow(() -> OfferRefused.unknown(id));
        if (offer.status() == OfferStatus.ACCEPTED) {
            return new Result(enrolments.find(java.util.Objects.requireNonNull(offer.enrolmentId())).orElseThrow(), false);
        }
        Instant now = clock.instant();
        if (offer.status() == OfferStatus.DECLINED) {
            throw new OfferRefused(OfferRefused.Reason.DECLINED, "offer " + id + " was declined at " + offer.declinedAt()
                    + "; the seat was offered on");
        }
        if (offer.statusAt(now) == OfferStatus.EXPIRED) {
            throw new OfferRefused(OfferRefused.Reason.EXPIRED, "offer " + id + " expired at " + offer.expiresAt()
                    + "; the official keeps their waitlist place");
        }
        Cohort[] locked = lockInOrder(offer.cohortId(), offer.fromCohortId());
        Participant participant = participants.lock(offer.participantId()).orElseThrow();
        Cohort target = locked[0].id().equals(offer.cohortId()) ? locked[0] : locked[1];
        Cohort waitedFor = locked[0].id().equals(offer.cohortId()) ? locked[1] : locked[0];

        if (enrolments.find(target.id(), participant.id()).isPresent()) {
            throw new OfferRefused(OfferRefused.Reason.ALREADY_IN_COHORT, "the official already has an enrolment in cohort " + target.code());
        }
        Enrolment waiting = enrolments.find(offer.fromEnrolmentId()).orElseThrow();
        if (waiting.status() == EnrolmentStatus.ENROLLED) {
            throw new OfferRefused(OfferRefused.Reason.SEATED_MEANWHILE, "the official was given a seat in cohort " + waitedFor.code()
                    + " after the offer was made");
        }
        if (target.status() != CohortStatus.OPEN) {
            throw new OfferRefused(OfferRefused.Reason.NO_SEAT_LEFT, "cohort " + target.code() + " is " + target.status()
                    + "; the official keeps their waitlist place");
        }
        int held = enrolments.counts(target.id(), offer.institution()).places();
        if (!target.admits(offer.institution(), held, 1)) {
            throw new OfferRefused(OfferRefused.Reason.QUOTA_EXHAUSTED, offer.institution() + " holds " + held
                    + " places in cohort " + target.code() + ", its quota");
        }

        ClaimSeat.Seated placed = claimSeat.claim(target, participant, offer.institution(), now);
        counts.publish(placed.cohort(), List.of(offer.institution()), now);
        if (waiting.status() == EnrolmentStatus.WAITLISTED) {
            withdrawals.withdraw(waitedFor, waiting, "accepted a seat in cohort " + target.code(), now);
        }
        offers.accepted(offer.accept(placed.enrolment().id(), now));
        metrics.offer(target, "accepted");
        log.info("Offer {} accepted: enrolment {} in cohort {}", id, placed.enrolment().id(), target.id());
        return new Result(placed.enrolment(), true);
    }

    private Cohort[] lockInOrder(CohortId a, CohortId b) {
        CohortId first = a.value().compareTo(b.value()) < 0 ? a : b;
        CohortId second = first.equals(a) ? b : a;
        return new Cohort[] {cohorts.lock(first).orElseThrow(), cohorts.lock(second).orElseThrow()};
    }
}
