package org.aula.certification.application;

import java.time.Duration;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CompletionDecision;
import org.aula.certification.domain.Diploma;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business metrics for the completion dashboards, tagged by course, cohort and institution codes
 * (or programme) only: bounded, and never a person. Each is counted once its transaction commits,
 * so work that rolls back is not counted.
 */
@Component
class CertificateMetrics {

    static final String COMPLETED = "aula.courses.completed";
    static final String NOT_COMPLETED = "aula.courses.not.completed";
    static final String ISSUED = "aula.certificates.issued";
    static final String REVOKED = "aula.certificates.revoked";
    static final String TIME_TO_ISSUE = "aula.certificates.time.to.issue";
    static final String DIPLOMAS = "aula.diplomas.awarded";
    static final String DIPLOMAS_REVOKED = "aula.diplomas.revoked";

    /** Buckets a dashboard can read as "issued within ..." ratios. */
    private static final Duration[] TIME_TO_ISSUE_BUCKETS = {
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    private final MeterRegistry meters;

    CertificateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts a new certificate and its time to issue. */
    void countAfterCommit(Certificate certificate) {
        afterCommit(() -> {
            Counter.builder(ISSUED)
                    .description("Certificates issued")
                    .tag("course", certificate.course().code())
                    .tag("cohort", certificate.cohort().code())
                    .tag("institution", certificate.holder().institutionCode())
                    .register(meters)
                    .increment();
            Timer.builder(TIME_TO_ISSUE)
                    .description("Time from a course completion decision to its certificate")
                    .tag("course", certificate.course().code())
                    .serviceLevelObjectives(TIME_TO_ISSUE_BUCKETS)
                    .register(meters)
                    .record(certificate.timeToIssue());
        });
    }

    void countRevocationAfterCommit(Certificate certificate) {
        afterCommit(() -> Counter.builder(REVOKED)
                .description("Certificates revoked")
                .tag("course", certificate.course().code())
                .tag("cohort", certificate.cohort().code())
                .tag("institution", certificate.holder().institutionCode())
                .register(meters)
                .increment());
    }

    void countDiplomaAfterCommit(Diploma diploma) {
        afterCommit(() -> Counter.builder(DIPLOMAS)
                .description("Diplomas awarded")
                .tag("programme", diploma.programme().code())
                .tag("institution", diploma.holder().institutionCode())
                .register(meters)
                .increment());
    }

    void countDiplomaRevocationAfterCommit(Diploma diploma) {
        afterCommit(() -> Counter.builder(DIPLOMAS_REVOKED)
                .description("Diplomas revoked with a certificate they relied on")
                .tag("programme", diploma.programme().code())
                .tag("institution", diploma.holder().institutionCode())
                .register(meters)
                .increment());
    }

    /** Counts a completion decision that is new or changed its outcome. */
    void countDecisionAfterCommit(CompletionDecision decision) {
        boolean completed = decision.outcome() == CompletionDecision.Outcome.COMPLETED;
        afterCommit(() -> Counter.builder(completed ? COMPLETED : NOT_COMPLETED)
                .description(completed ? "Participants who completed a course" : "Participants who did not complete a course")
                .tag("course", decision.courseCode())
                .tag("cohort", decision.cohortCode())
                .tag("institution", decision.institutionCode())
                .register(meters)
                .increment());
    }

    private static void afterCommit(Runnable count) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
