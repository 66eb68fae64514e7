package org.aula.enrollment.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aula.enrollment.application.CohortLifecycle;
import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.application.ScheduleCohort;
import org.aula.enrollment.application.SetSeatQuota;
import org.aula.enrollment.domain.CatalogueCode;
import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.CohortCode;
import org.aula.enrollment.domain.CohortStatus;
import org.aula.enrollment.domain.Cohorts;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.SeatQuotas;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;

/** {@code /cohorts}: schedule, look up and list cohorts; move them along their lifecycle; set seat quotas. */
@RestController
@RequestMapping("/cohorts")
class CohortController {

    private final ScheduleCohort scheduleCohort;
    private final CohortLifecycle lifecycle;
    private final SetSeatQuota quotas;
    private final Cohorts cohorts;
    private final Pages pages;

    CohortController(ScheduleCohort scheduleCohort, CohortLifecycle lifecycle, SetSeatQuota quotas, Cohorts cohorts,
            Pages pages) {
        this.scheduleCohort = scheduleCohort;
        this.lifecycle = lifecycle;
        this.quotas = quotas;
        this.cohorts = cohorts;
        this.pages = pages;
    }

    /** Schedules a cohort, OPEN unless {@code status} is PLANNED: 201 with its view and {@code Location}. */
    @PostMapping
    @PreAuthorize(Access.PROGRAMME_STAFF)
    ResponseEntity<CohortView> schedule(@Valid @RequestBody ScheduleCohortRequest request,
            @RequestAttribute(name = IdempotencyKeyFilter.RUN, required = false) IdempotentRequests.@Nullable Reserved run) {
        // Bean validation has checked presence and ranges; what spans two fields is checked here.
        if (request.endDate().isBefore(request.startDate())) {
            throw ApiProblem.invalidField("endDate", "must be on or after startDate");
        }
        Cohort cohort = scheduleCohort.schedule(new ScheduleCohort.Command(new CohortCode(request.code()),
                request.courseCode(), request.courseTitle(), request.courseHours(), request.startDate(),
                request.endDate(), request.location(), request.capacity(), request.facilitator(),
                !"PLANNED".equals(request.status()), quotas(request.seatQuotas())), run);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(cohort.id()).toUri();
        return ResponseEntity.created(location).body(CohortView.of(cohort));
    }

    @GetMapping("/{cohortId}")
    @PreAuthorize(Access.ALL_ROLES)
    CohortView cohort(@PathVariable String cohortId) {
        return CohortView.of(cohorts.get(Ids.cohort(cohortId)));
    }

    /**
     * With {@code code}: the cohort with that code (a plain list of 0 or 1). Without: a page of cohorts in
     * start-date order, optionally of one {@code courseCode} and/or {@code status}.
     */
    @GetMapping
    @PreAuthorize(Access.ALL_ROLES)
    ResponseEntity<List<CohortView>> cohorts(@RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String courseCode,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        if (code != null) {
            if (!code.matches(CohortCode.PATTERN)) {
                return ResponseEntity.ok(List.of());
            }
            return ResponseEntity.ok(cohorts.findByCode(new CohortCode(code)).map(CohortView::of).stream().toList());
        }
        if (courseCode != null && !courseCode.matches(CatalogueCode.PATTERN)) {
            throw ApiProblem.invalidField("courseCode", "must match " + CatalogueCode.PATTERN);
        }
        return pages.respond(cohorts.list(courseCode, status(status), pages.of(page, size)), CohortView::of);
    }

    /** PLANNED -> OPEN. */
    @PostMapping("/{cohortId}/open")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView open(@PathVariable String cohortId) {
        return CohortView.of(lifecycle.open(Ids.cohort(cohortId)));
    }

    /** OPEN or FULL -> IN_DELIVERY. */
    @PostMapping("/{cohortId}/start-delivery")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView startDelivery(@PathVariable String cohortId) {
        return CohortView.of(lifecycle.startDelivery(Ids.cohort(cohortId)));
    }

    /** IN_DELIVERY -> COMPLETED. */
    @PostMapping("/{cohortId}/complete")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView complete(@PathVariable String cohortId) {
        return CohortView.of(lifecycle.complete(Ids.cohort(cohortId)));
    }

    /** PLANNED, OPEN or FULL -> CANCELLED, withdrawing everyone; the body ({@code reason}) is optional. */
    @PostMapping("/{cohortId}/cancel")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView cancel(@PathVariable String cohortId,
            @Valid @RequestBody(required = false) CatalogueRequests.@Nullable CancelRequest request) {
        String reason = request == null || request.reason() == null ? "cancelled by staff" : request.reason();
        return CohortView.of(lifecycle.cancel(Ids.cohort(cohortId), reason));
    }

    /** Sets an institution's seat quota (places 1..capacity). */
    @PutMapping("/{cohortId}/quotas/{institutionCode}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView setQuota(@PathVariable String cohortId, @PathVariable String institutionCode,
            @Valid @RequestBody CatalogueRequests.QuotaRequest request) {
        return CohortView.of(quotas.set(Ids.cohort(cohortId), institutionCode(institutionCode), request.places()));
    }

    /** Removes an institution's seat quota. */
    @DeleteMapping("/{cohortId}/quotas/{institutionCode}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    CohortView removeQuota(@PathVariable String cohortId, @PathVariable String institutionCode) {
        return CohortView.of(quotas.set(Ids.cohort(cohortId), institutionCode(institutionCode), null));
    }

    private static InstitutionCode institutionCode(String text) {
        if (!text.matches(InstitutionCode.PATTERN)) {
            throw ApiProblem.invalidField("institutionCode", "must match " + InstitutionCode.PATTERN);
        }
        return new InstitutionCode(text);
    }

    private static @Nullable CohortStatus status(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return CohortStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "must be one of PLANNED, OPEN, FULL, IN_DELIVERY, COMPLETED, CANCELLED");
        }
    }

    /** The quotas asked for; whether each fits the cohort's seats is the cohort's to say ({@link Cohort#schedule}). */
    private static SeatQuotas quotas(@Nullable Map<String, Integer> requested) {
        if (requested == null) {
            return SeatQuotas.none();
        }
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        Map<InstitutionCode, Integer> quotas = new HashMap<>();
        requested.forEach((code, places) -> {
            if (code == null || !code.matches(InstitutionCode.PATTERN)) {
                errors.add(new ApiProblem.FieldError("seatQuotas", "institution code " + code + " must match " + InstitutionCode.PATTERN));
            } else if (places == null || places < 1) {
                errors.add(new ApiProblem.FieldError("seatQuotas." + code, "must be at least 1 place"));
            } else {
                quotas.put(new InstitutionCode(code), places);
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors);
        }
        return new SeatQuotas(quotas);
    }
}
