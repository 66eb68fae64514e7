package org.aula.certification.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An id or code a caller gives in a query: at most {@value #MAX_LENGTH} characters, printable
 * text. Control characters and unpaired surrogates are refused (400) before any query runs:
 * PostgreSQL cannot hold a NUL in text and would fail the request instead.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Size(max = IdOrCode.MAX_LENGTH)
@Pattern(regexp = IdOrCode.PRINTABLE)
@ReportAsSingleViolation
@interface IdOrCode {

    /** Longer than any id (UUIDs) or code Aula hands out. */
    int MAX_LENGTH = 100;

    /** No control character (C0, DEL, C1) and no unpaired surrogate; anything else, any script, passes. */
    String PRINTABLE = "[^\\p{Cc}\\p{Cs}]*";

    String message() default "must be at most " + MAX_LENGTH + " characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
