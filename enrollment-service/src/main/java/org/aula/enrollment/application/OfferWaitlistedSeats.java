package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aula.enrollment.EnrollmentProperties;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortId;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Participants;
import org.aula.enrollment.domain.RosterEntry;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOfferId;
import org.aula.enrollment.domain.SeatOffers;
import org.aula.enrollment.domain.WaitlistOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers the officials waiting for a full cohort seats in the next OPEN cohort of the same course (by start
 * date, then code, starting no earlier than the full one) that still has seats to offer, by the policy of
 * {@link WaitlistOffers}: {@code seat.offered} for each, keyed by the offering cohort.
 *
 * <p>Run by the {@code enrollment-waitlist-offers} consumer when a cohort fills and whenever someone joins
 * its waitlist (at the moment of {@code cohort.filled} nobody waits yet: the last seat goes before the first
 * waitlist place). Safe to run again for the same facts: a waitlist place is offered a seat at most once (a
 * unique key in the store), so a redelivered or repeated event offers nothing twice.
 */
@Service
public class OfferWaitlistedSeats {

    private static final Logger log = LoggerFactory.getLogger(OfferWaitlistedSeats.class);

    private final Cohorts cohorts;
    private final Enrolments enrolments;
    private final Participants participants;
    private final SeatOffers offers;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final WaitlistOffers policy;
    private final Clock clock;

    OfferWaitlistedSeats(Cohorts cohorts, Enrolments enrolments, Participants participants, SeatOffers offers,
            EnrollmentEvents events, EnrollmentMetrics metrics, EnrollmentProperties properties, Clock clock) {
        this.cohorts = cohorts;
        this.enrolments = enrolments;
        this.participants = participants;
        this.offers = offers;
        this.events = events;
        this.metrics = metrics;
        this.policy = new WaitlistOffers(properties.offers().validity());
        this.clock = clock;
    }

    /** Offers seats to whoever waits for {@code waitedFor} and has not been offered one; answers the offers made. */
    @Transactional
    public List<SeatOffer> offerFrom(CohortId waitedFor) {
        Optional<Cohort> source = cohorts.find(waitedFor);
        if (source.isEmpty() || source.get().waitlistLength() == 0) {
            return List.of();
        }
        Instant now = clock.instant();
        Optional<Cohort> candidate = target(source.get(), now);
        if (candidate.isEmpty()) {
            log.info("Cohort {}: {} waiting, no open cohort of course {} with seats to offer", waitedFor,
                    source.get().waitlistLength(), source.get().course().code());
            return List.of();
        }
        // Both rows locked, in id order (as accepting an offer locks them): the waitlist and the target's seats,
        // quotas and pending offers are then the truth until commit, and SeatOffered follows the target's lock.
        // The offers' inserts then check each participant's row (foreign key, FOR KEY SHARE): cohorts before
        // participants, the order every path keeps (see AcceptSeatOffer).
        Cohort[] locked = lockInOrder(waitedFor, candidate.get().id());
        Cohort from = locked[0].id().equals(waitedFor) ? locked[0] : locked[1];
        Cohort target = locked[0].id().equals(waitedFor) ? locked[1] : locked[0];

        Map<InstitutionCode, Integer> held = new HashMap<>(enrolments.placesByInstitution(target.id()));
        offers.pendingIntoByInstitution(target.id(), now).forEach((institution, pending) -> held.merge(institution, pending, Integer::sum));
        WaitlistOffers.Target seats = new WaitlistOffers.Target(target, offers.pendingInto(target.id(), now), held);
        List<RosterEntry> waiting = enrolments.offerCandidates(from.id(), target.id());
        List<SeatOffer> made = policy.offers(waiting.stream().map(RosterEntry::enrolment).toList(), seats, now,
                SeatOfferId::random);
        List<SeatOffer> stored = made.stream().filter(offers::add).toList();
        for (SeatOffer offer : stored) {
            Participant participant = participants.find(offer.participantId()).orElseThrow();
            events.offered(offer, target, from, participant);
            metrics.offer(target, "offered");
            log.info("Offer {}: a seat in cohort {} for enrolment {} waiting for cohort {}, until {}", offer.id(),
                    target.id(), offer.fromEnrolmentId(), from.id(), offer.expiresAt());
        }
        return stored;
    }

    /** The first open cohort of the course that still has a seat to offer (free seats less pending offers). */
    private Optional<Cohort> target(Cohort source, Instant now) {
        return cohorts.openCohortsOfCourse(source.course().code(), source.startDate(), source.id()).stream()
                .filter(cohort -> new WaitlistOffers.Target(cohort, offers.pendingInto(cohort.id(), now), Map.of()).offerable() > 0)
                .findFirst();
    }

    private Cohort[] lockInOrder(CohortId a, CohortId b) {
        CohortId first = a.value().compareTo(b.value()) < 0 ? a : b;
        CohortId second = first.equals(a) ? b : a;
        return new Cohort[] {cohorts.lock(first).orElseThrow(), cohorts.lock(second).orElseThrow()};
    }
}
