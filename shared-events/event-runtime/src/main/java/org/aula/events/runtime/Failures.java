package org.aula.events.runtime;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Decides, once for every consumer of every service, whether a listener's failure can pass or not.
 *
 * <ul>
 * <li>{@link Kind#TRANSIENT}: the database or the broker is unavailable, read-only during a failover, out of
 *     connections, or lost a serialization race or a deadlock. Retried until it succeeds, never dead-lettered.</li>
 * <li>{@link Kind#POISON}: the record can never succeed (undecodable, forged, against the contract, or refused
 *     by a deterministic domain rule). Dead-lettered at once.</li>
 * <li>{@link Kind#UNCLASSIFIED}: anything else (a bug, most likely). Retried a bounded number of times, then
 *     dead-lettered, so one bad record cannot stop a partition for ever; operators see and redrive it.</li>
 * </ul>
 * PostgreSQL says what kind of failure it is in its SQLSTATE, whatever Spring's translation made of it, so the
 * cause chain is searched for an {@link SQLException} first.
 */
public final class Failures {

    /** What kind of failure a listener's exception is. */
    public enum Kind { TRANSIENT, POISON, UNCLASSIFIED }

    /** SQLSTATE classes that pass: connection exceptions, insufficient resources, operator intervention. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57");
    /** Single SQLSTATEs that pass: read-only transaction (failover), serialization failure, deadlock, lock not available. */
    private static final Set<String> TRANSIENT_STATES = Set.of("25006", "40001", "40P01", "55P03");

    private Failures() {
    }

    /** Classifies an exception thrown by a listener (or its cause chain). */
    public static Kind classify(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            if (cause instanceof UndecodableEventException || cause instanceof RefusedEventException
                    || cause instanceof DeserializationException) {
                return Kind.POISON;
            }
        }
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return Kind.TRANSIENT;
                }
            }
            if (transientType(cause)) {
                return Kind.TRANSIENT;
            }
        }
        return Kind.UNCLASSIFIED;
    }

    /** A short, bounded label of what failed, for metrics and logs (never an exception message). */
    public static String component(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException || cause instanceof org.springframework.dao.DataAccessException
                    || cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException) {
                return "database";
            }
            if (cause instanceof org.apache.kafka.common.KafkaException) {
                return "broker";
            }
        }
        return "other";
    }

    /**
     * The exception's class and, for a database failure, its SQLSTATE: what an operator needs, never a message
     * (messages may quote the record's personal data, and logs and headers outlive an erasure).
     */
    public static String describe(Throwable exception) {
        Throwable root = exception;
        String state = null;
        for (Throwable cause = exception; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && state == null) {
                state = sql.getSQLState();
            }
            root = cause;
        }
        return root.getClass().getName() + (state == null ? "" : " (SQLSTATE " + state + ")");
    }

    private static boolean transientType(Throwable cause) {
        return cause instanceof SQLTransientException
                || cause instanceof SQLRecoverableException
                || cause instanceof TransientDataAccessException
                || cause instanceof RecoverableDataAccessException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof TransactionSystemException
                || cause instanceof org.apache.kafka.common.errors.RetriableException
                || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof java.net.ConnectException
                || cause instanceof java.net.SocketException
                || cause instanceof java.net.SocketTimeoutException
                || cause instanceof java.io.EOFException
                || (cause instanceof IOException && cause.getClass().getName().startsWith("org.postgresql"));
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
