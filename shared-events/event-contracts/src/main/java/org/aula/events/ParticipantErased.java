package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.enrollment.participant.erased.v1} on {@code enrollment.events}, key {@code participantId}:
 * a participant's personal data was erased on request; consumers anonymise what they hold, keeping only what certificate verification needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantErased(
        String participantId,
        Instant erasedAt,
        List<String> institutionCodes) implements AulaEvent {

    /** {@code institutionCodes}: the institutions whose partner feeds carried this participant (absent = none). */
    public ParticipantErased {
        institutionCodes = institutionCodes == null ? List.of() : List.copyOf(institutionCodes);
    }

    /** An erasure that concerned no partner feed. */
    public ParticipantErased(String participantId, Instant erasedAt) {
        this(participantId, erasedAt, List.of());
    }

    @Override
    public String key() {
        return participantId;
    }
}
