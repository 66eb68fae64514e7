package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** One session of a published delivery plan: when, what topic, by which method, how many hours. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlannedSession(
        String sessionId,
        int sequence,
        LocalDate date,
        String topic,
        String method,
        double hours) {
}
