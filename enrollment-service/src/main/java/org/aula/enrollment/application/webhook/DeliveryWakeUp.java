package org.aula.enrollment.application.webhook;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the dispatcher when deliveries became due (queued, resumed, replayed), after the transaction commits so it
 * sees them; its poll interval only covers wake-ups of other replicas and retries coming due.
 */
@Component
public class DeliveryWakeUp {

    private volatile @Nullable Runnable dispatcher;

    void register(Runnable dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** Wakes the dispatcher after the current transaction commits (at once outside one). */
    void afterCommit() {
        Runnable wake = dispatcher;
        if (wake == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        } else {
            wake.run();
        }
    }
}
