package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.enrollment.programme.defined.v1} on {@code enrollment.events}, key {@code programmeId}:
 * a programme (e.g. a university diploma) was defined or changed, with the courses it requires.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProgrammeDefined(
        String programmeId,
        String programmeCode,
        String title,
        String awardingInstitution,
        List<String> requiredCourseCodes,
        Instant definedAt) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public ProgrammeDefined {
        requiredCourseCodes = requiredCourseCodes == null ? List.of() : List.copyOf(requiredCourseCodes);
    }

    @Override
    public String key() {
        return programmeId;
    }
}
