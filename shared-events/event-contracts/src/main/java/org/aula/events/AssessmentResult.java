package org.aula.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A participant's result in one required assessment of a course, against its pass mark. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AssessmentResult(
        String assessmentCode,
        String title,
        double score,
        double passMark,
        boolean passed) {
}
