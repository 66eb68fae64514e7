package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * {@code org.aula.enrollment.course.defined.v1} on {@code enrollment.events}, key {@code courseId}:
 * a course of the catalogue was defined or changed: its hours, topics and the completion rule it is judged by.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseDefined(
        String courseId,
        String courseCode,
        String title,
        int hours,
        List<String> topics,
        String completionRuleRef,
        Instant definedAt) implements AulaEvent {

    // A list is optional in the schema and absent means empty: never null here, whether read or written.
    public CourseDefined {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    @Override
    public String key() {
        return courseId;
    }
}
