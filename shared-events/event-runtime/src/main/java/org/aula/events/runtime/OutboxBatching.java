package org.aula.events.runtime;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives every transaction the service's transaction manager begins a place for the outbox rows it will append, so
 * that {@link Outbox} writes them in one statement just before the commit instead of one statement an event (issue
 * 11). A {@link TransactionExecutionListener} bean, which Spring Boot adds to the transaction manager it configures;
 * it hears of a transaction after the transaction's synchronizations are set up, so the place is registered before
 * anything can be appended, and its {@code beforeCommit} is sure to run (a synchronization registered during another
 * one's {@code beforeCommit} would miss its own). A transaction manager without this listener (a test's own) gets
 * no place, and the outbox writes each row as it is appended.
 *
 * <p>Written here: Spring offers the hooks (this listener, a synchronization), not statements deferred to the
 * commit.
 */
final class OutboxBatching implements TransactionExecutionListener {

    @Override
    public void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new Outbox.Pending());
        }
    }
}
