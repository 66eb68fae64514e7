package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.certification.diploma.awarded.v1} on {@code certification.events}, key {@code participantId}:
 * a participant holds certificates for every course a programme requires and was awarded its diploma.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiplomaAwarded(
        String diplomaId,
        String diplomaNumber,
        String programmeCode,
        String programmeTitle,
        String participantId,
        String participantName,
        String institutionCode,
        List<String> certificateNumbers,
        Instant awardedAt,
        String verificationUrl) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public DiplomaAwarded {
        certificateNumbers = certificateNumbers == null ? List.of() : List.copyOf(certificateNumbers);
    }

    @Override
    public String key() {
        return participantId;
    }
}
