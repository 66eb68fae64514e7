package org.aula.enrollment.web;

import java.util.List;

import org.aula.enrollment.domain.CatalogueRefused;
import org.aula.enrollment.domain.CohortRefused;
import org.aula.enrollment.domain.EnrolmentRefused;
import org.aula.enrollment.domain.OfferRefused;
import org.aula.enrollment.domain.webhook.WebhookRefused;
import org.aula.events.runtime.web.ApiProblem;
import org.aula.kernel.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The service's refusals as problem+json, in the shape of the runtime's {@code ProblemDetailsAdvice}: 404 for
 * what does not exist, 409 for what a cohort's state, a quota or an earlier enrolment refuses, 410 for an expired
 * offer, 400 for values at fault (each named in {@code errors}). The domain and the use cases say why; only this
 * class knows HTTP.
 */
@RestControllerAdvice
class Problems {

    @ExceptionHandler(CohortRefused.class)
    ResponseEntity<ProblemDetail> cohort(CohortRefused refusal) {
        String detail = refusal.getMessage();
        return respond(switch (refusal.reason()) {
            case COHORT_UNKNOWN -> notFound("cohort", detail);
            case CODE_TAKEN -> ApiProblem.conflict("Cohort code taken", detail);
            case STATUS_CHANGE -> ApiProblem.conflict("Status change refused", detail);
            case QUOTA_ABOVE_CAPACITY, COURSE_CONTRADICTS_CATALOGUE, COURSE_NOT_IN_CATALOGUE -> invalid(detail, refusal.faults());
        });
    }

    @ExceptionHandler(EnrolmentRefused.class)
    ResponseEntity<ProblemDetail> enrolment(EnrolmentRefused refusal) {
        String detail = refusal.getMessage();
        return respond(switch (refusal.reason()) {
            case ENROLMENT_UNKNOWN -> notFound("enrolment", detail);
            case NOT_TAKING_NOMINATIONS -> ApiProblem.conflict("Cohort not taking nominations", detail);
            case NOT_TAKING_WITHDRAWALS -> ApiProblem.conflict("Cohort not taking withdrawals", detail);
            case WITHDRAWN_FROM_COHORT -> ApiProblem.conflict("Withdrawn from this cohort", detail);
            case QUOTA_EXHAUSTED -> ApiProblem.conflict("Institution quota exhausted", detail);
            case ALREADY_ENROLLED -> ApiProblem.conflict("Already in the cohort", detail);
            case NO_NOMINEE, NOMINEE_TWICE, SUBSTITUTE_IS_LEAVER -> invalid(detail, refusal.faults());
            case SUBSTITUTE_IN_COHORT -> ApiProblem.conflict("Substitute already in the cohort", detail);
            case SUBSTITUTE_OF_ANOTHER_INSTITUTION -> new ApiProblem(HttpStatus.FORBIDDEN, "Another institution's official",
                    detail, List.of());
        });
    }

    @ExceptionHandler(OfferRefused.class)
    ResponseEntity<ProblemDetail> offer(OfferRefused refusal) {
        String detail = refusal.getMessage();
        return respond(switch (refusal.reason()) {
            case OFFER_UNKNOWN -> notFound("offer", detail);
            case EXPIRED -> new ApiProblem(HttpStatus.GONE, "Offer expired", detail, List.of());
            case ALREADY_IN_COHORT -> ApiProblem.conflict("Already in the cohort", detail);
            case SEATED_MEANWHILE -> ApiProblem.conflict("Seated meanwhile", detail);
            case NO_SEAT_LEFT -> ApiProblem.conflict("No seat left", detail);
            case QUOTA_EXHAUSTED -> ApiProblem.conflict("Institution quota exhausted", detail);
            case DECLINED -> ApiProblem.conflict("Offer declined", detail);
            case ACCEPTED -> ApiProblem.conflict("Offer accepted", detail);
        });
    }

    @ExceptionHandler(CatalogueRefused.class)
    ResponseEntity<ProblemDetail> catalogue(CatalogueRefused refusal) {
        String detail = refusal.getMessage();
        return respond(switch (refusal.reason()) {
            case INSTITUTION_UNKNOWN -> notFound("institution", detail);
            case COURSE_UNKNOWN -> notFound("course", detail);
            case PROGRAMME_UNKNOWN -> notFound("programme", detail);
            case PARTICIPANT_UNKNOWN -> notFound("participant", detail);
            case UNKNOWN_REFERENCES -> invalid(detail, refusal.faults());
        });
    }

    @ExceptionHandler(WebhookRefused.class)
    ResponseEntity<ProblemDetail> webhook(WebhookRefused refusal) {
        String detail = refusal.getMessage();
        return respond(switch (refusal.reason()) {
            case SUBSCRIPTION_UNKNOWN -> notFound("webhook", detail);
            case URL_REFUSED, TYPES_REFUSED, EVENT_UNKNOWN, REQUEST_REFUSED -> invalid(detail, refusal.faults());
        });
    }

    /** A value the domain's guards refused ({@code org.aula.kernel.Require}); the message names the field, never the value. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException refusal) {
        return respond(invalid(String.valueOf(refusal.getMessage()), List.of()));
    }

    private static ApiProblem notFound(String what, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", detail, List.of());
    }

    private static ApiProblem invalid(String detail, List<Refusal.Fault> faults) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail,
                faults.stream().map(fault -> new ApiProblem.FieldError(fault.field(), fault.message())).toList());
    }

    private static ResponseEntity<ProblemDetail> respond(ApiProblem problem) {
        return problem.response();
    }
}
