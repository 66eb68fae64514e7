package org.aula.enrollment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of enrollment-service ({@code aula.enrollment.*}).
 *
 * @param withdrawalReason the reason recorded (and published in {@code participant.withdrawn}) when staff
 *                         withdraw a participant through {@code DELETE /cohorts/{id}/enrolments/{id}}
 * @param cohortListLimit  the most cohorts {@code GET /cohorts} answers without a {@code code}
 */
@ConfigurationProperties("aula.enrollment")
public record EnrollmentProperties(
        @DefaultValue("withdrawn by staff") String withdrawalReason,
        @DefaultValue("200") int cohortListLimit) {

    public EnrollmentProperties {
        if (withdrawalReason == null || withdrawalReason.isBlank()) {
            throw new IllegalArgumentException("aula.enrollment.withdrawal-reason must not be blank");
        }
        if (cohortListLimit < 1) {
            throw new IllegalArgumentException("aula.enrollment.cohort-list-limit must be at least 1: " + cohortListLimit);
        }
    }
}
