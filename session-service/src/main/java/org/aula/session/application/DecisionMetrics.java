package org.aula.session.application;

import org.aula.session.domain.completion.Completion;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts decisions and revisions once their transaction committed; tags are bounded (course, decision). */
@Component
class DecisionMetrics {

    private final MeterRegistry meters;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void decided(String courseCode, Completion completion) {
        afterCommit(Counter.builder("aula.session.completions")
                .description("Completion decisions made, by course and decision")
                .tag("course", courseCode)
                .tag("decision", completion.decision().name())
                .register(meters));
    }

    void revised(String courseCode, Completion completion) {
        afterCommit(Counter.builder("aula.session.completion.revisions")
                .description("Completion decisions revised after a correction, by course and new decision")
                .tag("course", courseCode)
                .tag("decision", completion.decision().name())
                .register(meters));
    }

    private static void afterCommit(Counter counter) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
