package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.cohort.status-changed.v1} on {@code enrollment.events}, key {@code cohortId}:
 * a cohort moved along its lifecycle (PLANNED, OPEN, FULL, IN_DELIVERY, COMPLETED, CANCELLED); one event per guarded transition.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CohortStatusChanged(
        String cohortId,
        String cohortCode,
        String courseCode,
        String previousStatus,
        String status,
        String reason,
        Instant changedAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
