package org.aula.benchmarks;

/** A way to publish events from a database transaction to Kafka: Aula's outbox and relay, or a peer. */
interface EventPipeline extends AutoCloseable {

    /** Name in reports, e.g. {@code aula}. */
    String name();

    /** The topic the events arrive on. */
    String topic();

    /**
     * Commits event {@code i} of {@code plan} in a transaction of its own and, in that transaction's after-commit
     * hook, sets {@code commitNanos[i]} to {@link System#nanoTime()}.
     */
    void write(EventPlan plan, int i, long[] commitNanos);

    @Override
    void close();
}
