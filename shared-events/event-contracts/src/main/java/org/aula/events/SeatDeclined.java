package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.seat.declined.v1} on {@code enrollment.events}, key {@code cohortId}:
 * a seat offered to a waiting official was declined for them (key: the cohort that offered the seat); the official
 * keeps their waitlist place, and the seat is offered at once to the next official waiting.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatDeclined(
        String offerId,
        String cohortId,
        String cohortCode,
        String fromCohortId,
        String fromCohortCode,
        String courseCode,
        String participantId,
        String institutionCode,
        Instant declinedAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
