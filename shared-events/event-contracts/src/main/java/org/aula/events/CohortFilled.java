package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.cohort.filled.v1} on {@code enrollment.events}, key {@code cohortId}:
 * the last seat of a cohort was taken. {@code fillNumber} counts fills: a cohort that re-fills
 * after a withdrawal publishes fill 2, never a second fill 1.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CohortFilled(
        String cohortId,
        String cohortCode,
        String courseCode,
        int capacity,
        int fillNumber,
        Instant filledAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
