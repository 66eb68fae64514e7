package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * {@code org.aula.session.cohort.delivery-closed.v1} on {@code session.events}, key {@code cohortId}:
 * a cohort's delivery was closed and every participant decided; carries the cohort's completion rate, as a JSON
 * number and, since 1.2, as an exact decimal string ({@code completionRateExact}): prefer that when present.
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
        Instant closedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @ExactDecimal("completionRate") String completionRateExact)
        implements AulaEvent {

    /** As written before the exact rate was added (1.2): without it. */
    public CohortDeliveryClosed(String cohortId, String cohortCode, String courseCode, int participants,
            int completed, int notCompleted, double completionRate, String ruleVersion, Instant closedAt) {
        this(cohortId, cohortCode, courseCode, participants, completed, notCompleted, completionRate, ruleVersion,
                closedAt, null);
    }

    @Override
    public String key() {
        return cohortId;
    }
}
