package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTest {

    @Test
    void aReadOnlyDatabaseIsTransientWhateverSpringMadeOfIt() {
        SQLException readOnly = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
        Exception wrapped = new ListenerExecutionFailedException("listener failed",
                new UncategorizedSQLException("insert", "insert into x", readOnly));
        assertThat(Failures.classify(wrapped)).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.describe(wrapped)).contains("SQLSTATE 25006").doesNotContain("INSERT");
    }

    @Test
    void connectionLossDeadlocksAndAnExhaustedPoolAreTransient() {
        assertThat(Failures.classify(new SQLException("refused", "08001"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SQLException("deadlock detected", "40P01"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SQLException("the database system is shutting down", "57P01"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new SQLTransientConnectionException("pool timed out"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new CannotCreateTransactionException("no connection"))).isEqualTo(Failures.Kind.TRANSIENT);
        assertThat(Failures.classify(new org.apache.kafka.common.errors.TimeoutException("metadata"))).isEqualTo(Failures.Kind.TRANSIENT);
    }

    @Test
    void undecodableAndRefusedRecordsArePoisonEvenWhenWrapped() {
        assertThat(Failures.classify(new ListenerExecutionFailedException("x", new UndecodableEventException("no ce_id"))))
                .isEqualTo(Failures.Kind.POISON);
        assertThat(Failures.classify(new RefusedEventException("course hours contradict the catalogue")))
                .isEqualTo(Failures.Kind.POISON);
    }

    @Test
    void constraintViolationsAndBugsAreNeitherTransientNorPoison() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertThat(Failures.classify(new DataIntegrityViolationException("dup", duplicate))).isEqualTo(Failures.Kind.UNCLASSIFIED);
        assertThat(Failures.classify(new IllegalStateException("a bug"))).isEqualTo(Failures.Kind.UNCLASSIFIED);
    }

    @Test
    void theDeadLetterReasonOfAForeignExceptionNamesItsClassNotItsMessage() {
        String reason = MessagingAutoConfiguration.reason(new IllegalStateException("participant Maria Chen is unknown"));
        assertThat(reason).isEqualTo("java.lang.IllegalStateException").doesNotContain("Maria");
        assertThat(MessagingAutoConfiguration.reason(new UndecodableEventException("missing header ce_id")))
                .isEqualTo("UndecodableEventException: missing header ce_id");
    }
}
