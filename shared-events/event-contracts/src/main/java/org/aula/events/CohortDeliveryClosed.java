package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.session.cohort.delivery-closed.v1} on {@code session.events}, key {@code cohortId}:
 * a cohort's delivery was closed and every participant decided; carries the cohort's completion rate.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CohortDeliveryClosed(
        String cohortId,
        String cohortCode,
        String courseCode,
        int participants,
        int completed,
        int notCompleted,
        double completionRate,
        String ruleVersion,
        Instant closedAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
