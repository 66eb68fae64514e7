package org.aula.session.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.session.application.DeliverSession;
import org.aula.session.application.PlanDelivery;
import org.aula.session.domain.CohortId;
import org.aula.session.domain.delivery.DeliveryMethod;
import org.aula.session.domain.delivery.DeliveryPlan;
import org.aula.session.domain.delivery.DeliveryPlans;
import org.aula.session.domain.delivery.SessionTerms;
import org.aula.session.domain.roster.Roster;
import org.aula.session.domain.roster.Rosters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cohort's delivery plan, staff's changes to it before delivery, and the delivery of its sessions. */
@RestController
class PlanController {

    private final PlanDelivery planDelivery;
    private final DeliverSession deliverSession;
    private final DeliveryPlans plans;
    private final Rosters rosters;

    PlanController(PlanDelivery planDelivery, DeliverSession deliverSession, DeliveryPlans plans, Rosters rosters) {
        this.planDelivery = planDelivery;
        this.deliverSession = deliverSession;
        this.plans = plans;
        this.rosters = rosters;
    }

    @Operation(summary = "The cohort's delivery plan: its current revision, hours scheduled (the denominator of every "
            + "attendance rate), the completion rule version the cohort is judged by, and its sessions.")
    @ApiResponse(responseCode = "404", description = "unknown cohort, or no plan yet (the roster is not locked)")
    @GetMapping("/cohorts/{cohortId}/plan")
    @PreAuthorize(Access.DELIVERY_TEAM)
    PlanView plan(@PathVariable String cohortId) {
        CohortId cohort = Ids.cohortId(cohortId);
        Roster roster = rosters.find(cohort).orElseThrow(() -> ApiProblem.notFound("cohort", cohortId));
        DeliveryPlan plan = plans.of(cohort).orElseThrow(() -> ApiProblem.notFound("delivery plan of cohort", cohortId));
        return PlanView.of(roster, plan);
    }

    @Operation(summary = "Change a session's day, topic, method or hours before delivery starts: a new revision, "
            + "published as delivery-plan.published. The same terms again change nothing.")
    @ApiResponse(responseCode = "200", description = "the plan, revised unless nothing changed")
    @ApiResponse(responseCode = "400", description = "a field missing or invalid, or a day outside the cohort's dates")
    @ApiResponse(responseCode = "404", description = "unknown cohort or session")
    @ApiResponse(responseCode = "409", description = "no plan yet; a session was delivered; participants were decided")
    @PutMapping("/cohorts/{cohortId}/plan/sessions/{sessionId}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    PlanView revise(@PathVariable String cohortId, @PathVariable String sessionId,
            @Valid @RequestBody SessionRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        return answer(cohort, planDelivery.reviseSession(cohort, Ids.sessionId(sessionId), request.terms()));
    }

    @Operation(summary = "Add a session before delivery starts: a new revision, published.")
    @ApiResponse(responseCode = "201", description = "the plan with the new session")
    @PostMapping("/cohorts/{cohortId}/plan/sessions")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<PlanView> add(@PathVariable String cohortId, @Valid @RequestBody SessionRequest request) {
        CohortId cohort = Ids.cohortId(cohortId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(answer(cohort, planDelivery.addSession(cohort, request.terms())));
    }

    @Operation(summary = "Remove a session before delivery starts (not the last one): a new revision, published.")
    @DeleteMapping("/cohorts/{cohortId}/plan/sessions/{sessionId}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    PlanView remove(@PathVariable String cohortId, @PathVariable String sessionId) {
        CohortId cohort = Ids.cohortId(cohortId);
        return answer(cohort, planDelivery.removeSession(cohort, Ids.sessionId(sessionId)));
    }

    @Operation(summary = "Mark a session delivered. From then on its attendance can be recorded and the plan no "
            + "longer changes. Delivering it again answers the first delivery.")
    @ApiResponse(responseCode = "201", description = "delivered now")
    @ApiResponse(responseCode = "200", description = "delivered before")
    @ApiResponse(responseCode = "404", description = "unknown cohort or session")
    @ApiResponse(responseCode = "409", description = "no plan; the delivery was closed; the cohort was decided from "
            + "stated hours")
    @PostMapping("/cohorts/{cohortId}/sessions/{sessionId}/delivery")
    @PreAuthorize(Access.FACILITATOR)
    ResponseEntity<PlanView.SessionView> deliver(@PathVariable String cohortId, @PathVariable String sessionId) {
        CohortId cohort = Ids.cohortId(cohortId);
        DeliverSession.Delivered delivered = deliverSession.deliver(cohort, Ids.sessionId(sessionId));
        return ResponseEntity.status(delivered.now() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(PlanView.SessionView.of(delivered.session()));
    }

    private PlanView answer(CohortId cohort, DeliveryPlan plan) {
        return PlanView.of(rosters.find(cohort).orElseThrow(), plan);
    }

    /** A session's terms: day (within the cohort's dates), topic, method, hours (0 < hours <= 12, 2 decimals). */
    record SessionRequest(
            @Schema(example = "2019-05-14") @NotNull LocalDate date,
            @Schema(example = "Human rights") @NotBlank @Size(max = 200) @Pattern(regexp = Ids.NO_CONTROL_CHARACTERS)
            String topic,
            @Schema(example = "DISCUSSION") @NotNull DeliveryMethod method,
            @Schema(example = "3.5") @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("12")
            @Digits(integer = 2, fraction = 2) BigDecimal hours) {

        SessionTerms terms() {
            return new SessionTerms(date, topic, method, hours);
        }
    }
}
