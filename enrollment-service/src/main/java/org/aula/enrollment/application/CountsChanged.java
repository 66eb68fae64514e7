package org.aula.enrollment.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;

import org.aula.enrollment.domain.Cohort;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.springframework.stereotype.Component;

/**
 * Appends {@code enrolment-counts.changed} for each institution whose officials a transaction moved in a
 * cohort: the counts are read under the cohort's row lock, after the change, so each event is the
 * institution's true count at its commit (the aggregate feed needs no personal data to follow it).
 */
@Component
class CountsChanged {

    private final Enrolments enrolments;
    private final EnrollmentEvents events;

    CountsChanged(Enrolments enrolments, EnrollmentEvents events) {
        this.enrolments = enrolments;
        this.events = events;
    }

    void publish(Cohort cohort, Collection<InstitutionCode> institutions, Instant at) {
        // One event per institution, in code order (a stable order for readers of the feed).
        for (InstitutionCode institution : institutions.stream().distinct()
                .sorted(Comparator.comparing(InstitutionCode::value)).toList()) {
            events.counts(cohort, institution, enrolments.counts(cohort.id(), institution), at);
        }
    }
}
