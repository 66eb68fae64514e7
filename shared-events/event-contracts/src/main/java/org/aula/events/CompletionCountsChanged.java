package org.aula.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code org.aula.certification.completion-counts.changed.v1} on {@code certification.events}, key {@code cohortId}:
 * how many officials of one institution were decided, completed and not completed in a cohort, and how many
 * certificates were issued and revoked, after a change; counts only, no personal data, so it feeds donors' and
 * dashboards' aggregate feed beside {@code enrolment-counts.changed}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionCountsChanged(
        String cohortId,
        String cohortCode,
        String courseCode,
        String institutionCode,
        int decided,
        int completed,
        int notCompleted,
        int certificatesIssued,
        int certificatesRevoked,
        Instant asOf) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
