package org.aula.certification.application;

import java.time.Duration;

import org.aula.certification.domain.Certificate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Business metrics of issuing, tagged by course and cohort codes only (bounded, and never a
 * person): certificates issued, and the time from completion decision to certificate.
 */
@Component
class CertificateMetrics {

    static final String ISSUED = "aula.certificates.issued";
    static final String TIME_TO_ISSUE = "aula.certificates.time.to.issue";

    /** Buckets a dashboard can read as "issued within ..." ratios. */
    private static final Duration[] TIME_TO_ISSUE_BUCKETS = {
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)};

    private final MeterRegistry meters;

    CertificateMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Counts the certificate once its transaction commits: a rolled-back issue is no certificate. */
    void countAfterCommit(Certificate certificate) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count(certificate);
            }
        });
    }

    private void count(Certificate certificate) {
        Counter.builder(ISSUED)
                .description("Certificates issued")
                .tag("course", certificate.course().code())
                .tag("cohort", certificate.cohort().code())
                .register(meters)
                .increment();
        Timer.builder(TIME_TO_ISSUE)
                .description("Time from a course completion decision to its certificate")
                .tag("course", certificate.course().code())
                .serviceLevelObjectives(TIME_TO_ISSUE_BUCKETS)
                .register(meters)
                .record(certificate.timeToIssue());
    }
}
