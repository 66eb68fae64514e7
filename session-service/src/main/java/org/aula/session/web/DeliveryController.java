package org.aula.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.CloseDelivery;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.ParticipantId;
import org.aula.session.domain.delivery.DeliveryClosure;
import org.aula.session.domain.delivery.DeliveryClosures;
import org.aula.session.domain.roster.Rosters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Closing a cohort's delivery: everyone decided once, then one summary. */
@RestController
class DeliveryController {

    private final CloseDelivery closeDelivery;
    private final DeliveryClosures closures;
    private final Rosters rosters;

    DeliveryController(CloseDelivery closeDelivery, DeliveryClosures closures, Rosters rosters) {
        this.closeDelivery = closeDelivery;
        this.closures = closures;
        this.rosters = rosters;
    }

    @Operation(summary = "Close the cohort's delivery: each participant holding a seat, and each who withdrew after "
            + "attending some of it, is decided once on the recorded attendance (share of the plan's scheduled hours) "
            + "and assessment results, by the rule version pinned to the cohort: course.completed or "
            + "course.not-completed with the figures and reasons; then one cohort.delivery-closed with the completion "
            + "rate. Closing again answers the first closing and publishes nothing.")
    @ApiResponse(responseCode = "201", description = "closed now")
    @ApiResponse(responseCode = "200", description = "closed before")
    @ApiResponse(responseCode = "404", description = "unknown cohort")
    @ApiResponse(responseCode = "409", description = "no plan yet")
    @PostMapping("/cohorts/{cohortId}/delivery/close")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<ClosureView> close(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        CloseDelivery.Closed closed = closeDelivery.close(cohort);
        return ResponseEntity.status(closed.now() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ClosureView.of(closed.closure()));
    }

    @Operation(summary = "How the cohort's delivery closed (the summary published with it).")
    @ApiResponse(responseCode = "404", description = "unknown cohort, or its delivery is not closed")
    @GetMapping("/cohorts/{cohortId}/delivery/closure")
    @PreAuthorize(Access.DELIVERY_TEAM)
    ClosureView closure(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        return closures.of(cohort).map(ClosureView::of)
                .orElseThrow(() -> ApiProblem.notFound("closed delivery of cohort", cohortId));
    }

    /**
     * A closing's JSON form; {@code notDecided} lists who withdrew before attending anything.
     */
    record ClosureView(String cohortId, int participants, int completed, int notCompleted, BigDecimal completionRate,
            String ruleVersion, List<String> notDecided, Instant closedAt) {

        static ClosureView of(DeliveryClosure closure) {
            return new ClosureView(closure.cohortId().value(), closure.participants(), closure.completed(),
                    closure.notCompleted(), closure.completionRate(), closure.ruleVersion(),
                    closure.notDecided().stream().map(ParticipantId::value).toList(), closure.closedAt());
        }
    }
}
