package org.aula.certification.web;

import java.util.List;

import org.aula.certification.domain.CertificateRefused;
import org.aula.events.runtime.web.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The service's refusals as problem+json, the same shape as every other problem (event-runtime's
 * {@code ProblemDetailsAdvice}): 404 for what does not exist, 409 for what a certificate's state
 * refuses. Controllers throw the refusal and catch nothing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Problems {

    @ExceptionHandler(CertificateRefused.class)
    ResponseEntity<ProblemDetail> refused(CertificateRefused refusal) {
        return of(refusal).response();
    }

    static ApiProblem of(CertificateRefused refusal) {
        String detail = refusal.getMessage();
        return switch (refusal.reason()) {
            case CERTIFICATE_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "Certificate not found", detail, List.of());
            case DIPLOMA_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "Diploma not found", detail, List.of());
            case STATUS_LIST_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "Status list not found", detail, List.of());
            case ALREADY_REVOKED -> ApiProblem.conflict("Certificate already revoked", detail);
            case ORGANISATION_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "Organisation not found", detail, List.of());
            case AWARDING_NAMES_UNKNOWN_ORGANISATION -> new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail,
                    List.of(new ApiProblem.FieldError("organisations", detail)));
            case LOGO_UNUSABLE -> new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail,
                    List.of(new ApiProblem.FieldError("logo", detail)));
            case HOLDER_LINK_UNKNOWN -> new ApiProblem(HttpStatus.NOT_FOUND, "Holder link not found", detail, List.of());
            case HOLDER_LINK_ALREADY_REVOKED -> ApiProblem.conflict("Holder link already revoked", detail);
            case CERTIFICATE_REVOKED -> ApiProblem.conflict("Certificate revoked", detail);
            case CERTIFICATE_ALREADY_ISSUED -> ApiProblem.conflict("Certificate already issued", detail);
        };
    }

}
