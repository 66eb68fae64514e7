package org.aula.events.runtime;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Applies the records of one poll in one database transaction, for a batch listener
 * ({@code @KafkaListener(batch = "true")}) whose partitions carry bursts: one commit for the records that queued
 * while the last transaction ran, where a record listener commits each (issue 11: certification-service's
 * completions, 25 of a cohort on one partition within a moment). An idle listener still gets one record a poll
 * and commits it at once, so batching adds no wait.
 *
 * <p>Nothing else changes for a record. Each is applied in its own observation, {@value #RECORD_OBSERVATION}
 * (the trace it carries in its headers continues, as in a record listener's; its timer leaves out the commit), and
 * each poll is timed whole, commit included ({@value #POLL_TIMER}). Spring Kafka's own timer of a batch listener
 * ({@code spring.kafka.listener} with other tags than a record listener's observation) is switched off by the
 * runtime: in Prometheus one name takes one set of tags, and it made the record listeners' timers vanish. A failure is one record's: the poll's transaction rolls back, the records before the failing one
 * commit together in a new transaction, and the failing one is named to the error handler
 * ({@link BatchListenerFailedException}), which commits the offsets before it and retries or dead-letters it as it
 * would a record listener's record ({@link Failures} decides: a database or broker failure is retried until it
 * passes, poison is dead-lettered); the records from it on are delivered again, as a batch. Applying a record twice is safe because every effect goes through
 * the {@link Inbox}, in the same transaction.
 *
 * <p>Written here because Spring Kafka's batch support stops at the listener: it knows which record failed only
 * if the listener says so, and a transaction shared by the records is ours.
 */
public class PollTransactions {

    private static final Logger log = LoggerFactory.getLogger(PollTransactions.class);
    /** The observation (and timer) of one record applied in a poll's transaction; the commit is not in it. */
    public static final String RECORD_OBSERVATION = "aula.messaging.record";

    /** The timer of a whole poll (its commit, and any retry of the records before a failing one, included). */
    public static final String POLL_TIMER = "aula.messaging.poll";

    private final TransactionTemplate transactions;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    PollTransactions(TransactionTemplate transactions, ObservationRegistry observations, MeterRegistry meters) {
        this.transactions = transactions;
        this.observations = observations;
        this.meters = meters;
    }

    /**
     * Applies {@code records} (one poll of the listener {@code listener}) with
     * {@code apply} in one transaction. When a record fails, the transaction rolls back, the records before it are
     * applied again in one transaction, and the failing record is named to the error handler; a failure outside any
     * record (at commit) is pinned down by applying the records one transaction each.
     *
     * @throws BatchListenerFailedException naming the record that failed
     */
    public void apply(String listener, List<ConsumerRecord<String, byte[]>> records,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            applyTogether(listener, records, apply);
            outcome = "applied";
        } finally {
            sample.stop(Timer.builder(POLL_TIMER)
                    .description("A batch listener's poll applied in one transaction, its commit included")
                    .tag("listener", listener).tag("outcome", outcome)
                    .register(meters));
        }
    }

    private void applyTogether(String listener, List<ConsumerRecord<String, byte[]>> records,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        int[] current = {-1};
        try {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < records.size(); i++) {
                    current[0] = i;
                    observed(listener, records.get(i), apply);
                }
                current[0] = -1;
            });
            return;
        } catch (RuntimeException failed) {
            int failedAt = current[0];
            if (failedAt < 0) {
                // The class and SQLSTATE only: a message may quote a record's personal data.
                log.info("{}: {} records failed at commit ({}); applying them one transaction each", listener,
                        records.size(), Failures.describe(failed));
                oneByOne(listener, records, apply);
                return;
            }
            if (failedAt > 0) {
                List<ConsumerRecord<String, byte[]>> before = records.subList(0, failedAt);
                try {
                    transactions.executeWithoutResult(status -> before.forEach(record -> observed(listener, record, apply)));
                } catch (RuntimeException beforeFailed) {
                    throw new BatchListenerFailedException(listener + " failed on a record", beforeFailed, records.get(0));
                }
            }
            throw new BatchListenerFailedException(listener + " failed on a record", failed, records.get(failedAt));
        }
    }

    private void oneByOne(String listener, List<ConsumerRecord<String, byte[]>> records,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                transactions.executeWithoutResult(status -> observed(listener, record, apply));
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException(listener + " failed on a record", failed, record);
            }
        }
    }

    private void observed(String listener, ConsumerRecord<String, byte[]> record,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        // A Kafka receiver context, so the tracing handler continues the trace in the record's headers; a name of
        // its own, because this timer leaves out the commit that a record listener's spring.kafka.listener includes.
        Observation.createNotStarted(RECORD_OBSERVATION,
                        () -> new KafkaRecordReceiverContext(record, listener, () -> null), observations)
                .lowCardinalityKeyValue("listener", listener)
                .observe(() -> apply.accept(record));
    }
}
