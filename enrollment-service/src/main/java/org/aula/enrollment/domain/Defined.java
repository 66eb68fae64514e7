package org.aula.enrollment.domain;

/** A catalogue entry as stored after defining it, and what defining it did. */
public record Defined<T>(T entry, Definition outcome) {
}
