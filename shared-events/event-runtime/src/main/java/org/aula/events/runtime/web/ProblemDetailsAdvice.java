package org.aula.events.runtime.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as RFC 9457 {@code application/problem+json}; validation failures carry an
 * {@code errors} array of {@code {field, message}} so a client can point at what to fix.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem, WebRequest request) {
        return handleExceptionInternal(problem, problem.body(), new HttpHeaders(), problem.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException exception, WebRequest request) {
        List<ApiProblem.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new ApiProblem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList();
        return apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid parameters", errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (exception.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            return apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed request body",
                    "field " + field + " has a value of the wrong type or form",
                    List.of(new ApiProblem.FieldError(field, "wrong type or form"))), request);
        }
        return apiProblem(new ApiProblem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "the body is not valid JSON for this operation", List.of()), request);
    }
}
