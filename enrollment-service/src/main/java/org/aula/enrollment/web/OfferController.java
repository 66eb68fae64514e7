package org.aula.enrollment.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.aula.enrollment.application.AcceptSeatOffer;
import org.aula.enrollment.application.DeclineSeatOffer;
import org.aula.enrollment.domain.SeatOffer;
import org.aula.enrollment.domain.SeatOffers;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /offers}: seats offered to waiting officials in another cohort of the same course, their acceptance and
 * their decline (programme staff, or the partner of the official's institution). A partner reads, accepts and
 * declines the offers made to its own officials only.
 */
@RestController
class OfferController {

    private final AcceptSeatOffer acceptOffer;
    private final DeclineSeatOffer declineOffer;
    private final SeatOffers offers;
    private final Clock clock;
    private final Pages pages;

    OfferController(AcceptSeatOffer acceptOffer, DeclineSeatOffer declineOffer, SeatOffers offers, Clock clock,
            Pages pages) {
        this.acceptOffer = acceptOffer;
        this.declineOffer = declineOffer;
        this.offers = offers;
        this.clock = clock;
        this.pages = pages;
    }

    @GetMapping("/offers/{offerId}")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    OfferView offer(@PathVariable String offerId) {
        SeatOffer offer = offers.get(Ids.offer(offerId));
        Partners.requireOwn(offer.institution());
        return OfferView.of(offer, clock.instant());
    }

    /**
     * Offers, newest first, optionally into ({@code cohortId}) and/or from ({@code fromCohortId}) one cohort; a
     * partner's are those made to its own officials.
     */
    @GetMapping("/offers")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<List<OfferView>> offers(@RequestParam(required = false) @Nullable String cohortId,
            @RequestParam(required = false) @Nullable String fromCohortId,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        // An offer's status depends on the time: the service's clock, as acceptance reads it.
        Instant now = clock.instant();
        return pages.respond(offers.list(cohortId == null ? null : Ids.cohortParameter("cohortId", cohortId),
                fromCohortId == null ? null : Ids.cohortParameter("fromCohortId", fromCohortId), Partners.scope(),
                pages.of(page, size)),
                offer -> OfferView.of(offer, now));
    }

    /**
     * Accepts the offer: 201 with the new enrolment (and its {@code Location}) in the offering cohort, the
     * waitlist place left in the same transaction; 200 with the same enrolment when already accepted. Staff, or the
     * partner of the official's institution (403 for another's).
     */
    @PostMapping("/offers/{offerId}/acceptance")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<EnrolmentView> accept(@PathVariable String offerId) {
        SeatOffer offer = offers.get(Ids.offer(offerId));
        Partners.requireOwn(offer.institution());
        AcceptSeatOffer.Result result = acceptOffer.accept(offer.id());
        EnrolmentView view = EnrolmentView.of(result.enrolment());
        if (!result.created()) {
            return ResponseEntity.ok(view);
        }
        URI location = URI.create(org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/cohorts/{cohortId}/enrolments/{enrolmentId}")
                .buildAndExpand(result.enrolment().cohortId(), result.enrolment().id()).toUriString());
        return ResponseEntity.created(location).body(view);
    }

    /**
     * Declines the offer for the official, who keeps their waitlist place: 200 with the offer, now DECLINED (also
     * when it already was); the seat is offered at once to the next official in line. Staff, or the partner of the
     * official's institution (403 for another's).
     */
    @PostMapping("/offers/{offerId}/decline")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    OfferView decline(@PathVariable String offerId) {
        SeatOffer offer = offers.get(Ids.offer(offerId));
        Partners.requireOwn(offer.institution());
        return OfferView.of(declineOffer.decline(offer.id()).declined(), clock.instant());
    }
}
