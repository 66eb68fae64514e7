package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.participant.withdrawn.v1} on {@code enrollment.events}, key {@code cohortId}:
 * an official left a cohort; {@code freedSeatNumber} is the seat given up, or null when the
 * official was only on the waitlist.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantWithdrawn(
        String enrolmentId,
        String cohortId,
        String cohortCode,
        String participantId,
        String institutionCode,
        Integer freedSeatNumber,
        String reason,
        Instant withdrawnAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
