package org.aula.enrollment.domain;

/** One field of a refused request and what is wrong with it (the field as the request names it). */
public record FieldFault(String field, String message) {
}
