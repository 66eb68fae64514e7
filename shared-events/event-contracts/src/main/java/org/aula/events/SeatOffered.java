package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.seat.offered.v1} on {@code enrollment.events}, key {@code cohortId}:
 * an official waiting for a full cohort was offered a seat in another open cohort of the same course (key: the cohort offering the seat).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatOffered(
        String offerId,
        String cohortId,
        String cohortCode,
        String fromCohortId,
        String fromCohortCode,
        String courseCode,
        String participantId,
        String participantName,
        String institutionCode,
        Instant offeredAt,
        Instant expiresAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
