package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.enrolment-counts.changed.v1} on {@code enrollment.events}, key {@code cohortId}:
 * how many officials of one institution are enrolled, waitlisted and withdrawn in a cohort after a
 * change; no personal data, so it feeds donors' and dashboards' aggregate feed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrolmentCountsChanged(
        String cohortId,
        String cohortCode,
        String courseCode,
        String institutionCode,
        int enrolled,
        int waitlisted,
        int withdrawn,
        int capacity,
        Instant asOf) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
