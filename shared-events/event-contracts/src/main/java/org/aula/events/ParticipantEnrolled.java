package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.participant.enrolled.v1} on {@code enrollment.events}, key {@code cohortId}:
 * an official got seat {@code seatNumber} of {@code capacity} in a cohort, directly or promoted
 * from the waitlist ({@code promotedFromWaitlist}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantEnrolled(
        String enrolmentId,
        String cohortId,
        String cohortCode,
        String courseCode,
        String participantId,
        String participantName,
        String institutionCode,
        int seatNumber,
        int seatsTaken,
        int capacity,
        boolean promotedFromWaitlist,
        Instant enrolledAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
