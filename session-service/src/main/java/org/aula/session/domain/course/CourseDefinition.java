package org.aula.session.domain.course;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/** A catalogue course as enrollment-service announced it ({@code course.defined}): hours and topics to plan by. */
public record CourseDefinition(String courseCode, String courseId, String title, int hours, List<String> topics,
        @Nullable String completionRuleRef, Instant definedAt) {

    public CourseDefinition {
        Require.text(courseCode, "course code");
        Require.text(courseId, "course id");
        Require.text(title, "course title");
        Require.positive(hours, "course hours");
        topics = List.copyOf(topics);
        Objects.requireNonNull(definedAt, "defined at");
    }
}
