package org.aula.enrollment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The policy by which officials waiting for a full cohort are offered seats in another open cohort
 * of the same course:
 * <ol>
 * <li>in waitlist order (first come, first served), each waiting official at most once, ever;</li>
 * <li>up to the target's free seats less the offers still pending there (offers do not hold seats,
 *     but we never promise more seats than are free);</li>
 * <li>within the target's seat quotas: an institution's places there (seats and waitlist places)
 *     plus its pending offers there stay within its quota; an official whose institution is at its
 *     quota is passed over, and the next in line is considered;</li>
 * <li>each offer expires after the configured validity; an official who lets it expire keeps their
 *     place in line.</li>
 * </ol>
 * Who is eligible (waiting, never offered, not already in the target cohort) is the caller's query;
 * this class decides who of them gets an offer.
 */
public final class WaitlistOffers {

    private final Duration validity;

    public WaitlistOffers(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("an offer must be valid for some time: " + validity);
        }
        this.validity = validity;
    }

    /**
     * What the target cohort can still promise.
     *
     * @param target        the cohort offering seats
     * @param pendingOffers offers into it still open
     * @param placesHeld    per institution: its seats and waitlist places there plus its pending offers there
     */
    public record Target(Cohort target, int pendingOffers, Map<InstitutionCode, Integer> placesHeld) {

        public Target {
            Objects.requireNonNull(target, "target");
            placesHeld = Map.copyOf(placesHeld);
        }

        /** Seats that can still be offered: free seats less pending offers, none unless the cohort is OPEN. */
        public int offerable() {
            return target.status() == CohortStatus.OPEN ? Math.max(0, target.seats().free() - pendingOffers) : 0;
        }
    }

    /**
     * The offers to make to {@code waiting} (enrolments of one full cohort, in waitlist order, eligible as
     * described above), at {@code now}.
     */
    public List<SeatOffer> offers(List<Enrolment> waiting, Target target, Instant now, Supplier<SeatOfferId> ids) {
        int seats = target.offerable();
        Map<InstitutionCode, Integer> held = new HashMap<>(target.placesHeld());
        List<SeatOffer> offers = new ArrayList<>();
        for (Enrolment candidate : waiting) {
            if (seats == 0) {
                break;
            }
            if (candidate.status() != EnrolmentStatus.WAITLISTED || candidate.cohortId().equals(target.target().id())) {
                throw new IllegalArgumentException("enrolment " + candidate.id() + " is not waiting for another cohort");
            }
            int institutionHolds = held.getOrDefault(candidate.institution(), 0);
            if (!target.target().admits(candidate.institution(), institutionHolds, 1)) {
                continue;
            }
            offers.add(SeatOffer.make(ids.get(), target.target().id(), candidate, now, now.plus(validity)));
            held.put(candidate.institution(), institutionHolds + 1);
            seats--;
        }
        return offers;
    }
}
