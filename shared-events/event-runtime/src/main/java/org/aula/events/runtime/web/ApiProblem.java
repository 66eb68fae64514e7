package org.aula.events.runtime.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request Aula refuses, answered as {@code application/problem+json}: the status, a short
 * title, what went wrong, and which fields were at fault.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 404: no {@code what} with this id. */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, what + " not found", "no " + what + " with id " + id, List.of());
    }

    /** 409: the request is well-formed but the resource's state refuses it. */
    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, title, detail, List.of());
    }

    /** 400 (or 422 by choice of the caller's status) pointing at one field. */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The problem+json body: status, title, detail and, when there are any, the fields at fault as {@code errors}. */
    public ProblemDetail body() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, getMessage());
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    /** The answer a service's {@code @RestControllerAdvice} returns for a refusal it mapped to this problem. */
    public ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(status).body(body());
    }

    /** One field at fault and why. */
    public record FieldError(String field, String message) {
    }
}
