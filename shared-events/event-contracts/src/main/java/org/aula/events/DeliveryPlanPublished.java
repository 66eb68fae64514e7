package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.session.delivery-plan.published.v1} on {@code session.events}, key {@code cohortId}:
 * the plan of sessions that delivers a cohort's course was published (revision 1 when the roster locks, later revisions after staff adjust it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryPlanPublished(
        String planId,
        String cohortId,
        String cohortCode,
        String courseCode,
        int revision,
        double hoursScheduled,
        List<PlannedSession> sessions,
        Instant publishedAt) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public DeliveryPlanPublished {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
