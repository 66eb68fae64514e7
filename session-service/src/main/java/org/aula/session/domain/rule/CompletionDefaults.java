package org.aula.session.domain.rule;

import java.util.Map;
import java.util.Objects;

/**
 * The completion terms the service is configured with: one set for every course, and per-course
 * terms where a course needs its own (e.g. BMM requiring its case study and role play). They
 * become a course's rule version the first time the course needs a rule, and again when they
 * change, until staff define the course's rule through the API.
 */
public record CompletionDefaults(CompletionTerms fallback, Map<String, CompletionTerms> courses) {

    public CompletionDefaults {
        Objects.requireNonNull(fallback, "fallback terms");
        courses = Map.copyOf(courses);
    }

    public static CompletionDefaults standard() {
        return new CompletionDefaults(CompletionTerms.standard(), Map.of());
    }

    public CompletionTerms terms(String courseCode) {
        return courses.getOrDefault(courseCode, fallback);
    }
}
