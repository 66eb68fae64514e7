package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * {@code org.aula.enrollment.participant.erased.v1} on {@code enrollment.events}, key {@code participantId}:
 * a participant's personal data was erased on request; consumers anonymise what they hold, keeping only what certificate verification needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantErased(
        String participantId,
        Instant erasedAt) implements AulaEvent {

    @Override
    public String key() {
        return participantId;
    }
}
