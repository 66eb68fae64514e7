package org.aula.enrollment.domain;

import org.aula.kernel.Refusal;

/** A seat offer cannot be found, accepted or declined; nothing was changed and the official keeps their waitlist place. */
public class OfferRefused extends Refusal {

    /** Why the offer was refused. */
    public enum Reason {
        /** No offer with this id. */
        OFFER_UNKNOWN,
        /** The offer can no longer be accepted. */
        EXPIRED,
        /** The official already has an enrolment in the offering cohort. */
        ALREADY_IN_COHORT,
        /** The official was seated in the cohort they waited for after the offer was made. */
        SEATED_MEANWHILE,
        /** The offering cohort has no free seat (offers hold none), or is not OPEN. */
        NO_SEAT_LEFT,
        /** The official's institution holds its quota of places in the offering cohort. */
        QUOTA_EXHAUSTED,
        /** The offer was declined; it can no longer be accepted. */
        DECLINED,
        /** The offer was accepted; it can no longer be declined. */
        ACCEPTED
    }

    public OfferRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** No offer with this id. */
    public static OfferRefused unknown(SeatOfferId id) {
        return new OfferRefused(Reason.OFFER_UNKNOWN, "no offer with id " + id);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
