package org.aula.enrollment.application;

import org.aula.enrollment.domain.Cohort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Business counters for dashboards, tagged by course only (bounded; never a person). Counted
 * after commit, so a rolled-back attempt is not counted.
 */
@Component
class EnrollmentMetrics {

    private final MeterRegistry meters;

    EnrollmentMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void scheduled(Cohort cohort) {
        countAfterCommit("aula.enrollment.cohorts.scheduled", "Cohorts scheduled", course(cohort));
    }

    /** {@code outcome}: enrolled, waitlisted or promoted. */
    void enrolment(Cohort cohort, String outcome) {
        countAfterCommit("aula.enrollment.enrolments", "Enrolments by outcome", course(cohort).and("outcome", outcome));
    }

    /** {@code from}: seat or waitlist. */
    void withdrawal(Cohort cohort, String from) {
        countAfterCommit("aula.enrollment.withdrawals", "Withdrawals by what was given up", course(cohort).and("from", from));
    }

    /** {@code outcome}: offered or accepted. */
    void offer(Cohort cohort, String outcome) {
        countAfterCommit("aula.enrollment.offers", "Seats offered to waiting officials, and offers accepted or declined",
                course(cohort).and("outcome", outcome));
    }

    void substitution(Cohort cohort) {
        countAfterCommit("aula.enrollment.substitutions", "Officials replaced by another of their institution's",
                course(cohort));
    }

    void filled(Cohort cohort) {
        countAfterCommit("aula.enrollment.cohorts.filled", "Times a cohort's last seat was taken", course(cohort));
    }

    /** A participant's personal data was erased (no tags: nothing about the person). */
    void erased() {
        countAfterCommit("aula.enrollment.erasures", "Participants whose personal data was erased", Tags.empty());
    }

    private static Tags course(Cohort cohort) {
        return Tags.of("course", cohort.course().code());
    }

    private void countAfterCommit(String name, String description, Tags tags) {
        Counter counter = Counter.builder(name).description(description).tags(tags).register(meters);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
