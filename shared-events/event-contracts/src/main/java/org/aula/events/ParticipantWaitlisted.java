package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.participant.waitlisted.v1} on {@code enrollment.events}, key {@code cohortId}:
 * an official was placed at {@code waitlistPosition} (1 = next in line) on a full cohort's waitlist.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantWaitlisted(
        String enrolmentId,
        String cohortId,
        String cohortCode,
        String courseCode,
        String participantId,
        String participantName,
        String institutionCode,
        int waitlistPosition,
        Instant waitlistedAt) implements AulaEvent {

    @Override
    public String key() {
        return cohortId;
    }
}
