package org.aula.events.runtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of the messaging runtime ({@code aula.messaging.*}); every default is the value
 * the local platform runs with.
 *
 * @param source CloudEvents {@code source} of what this service publishes, e.g. {@code /aula/enrollment-service};
 *               defaults to {@code /aula/} + {@code spring.application.name}
 * @param relay  the outbox relay
 * @param retry  blocking retries of a failing listener before its record goes to the dead-letter topic
 * @param topics topics this service declares at start-up (created when missing)
 */
@ConfigurationProperties("aula.messaging")
public record MessagingProperties(String source, @DefaultValue Relay relay, @DefaultValue Retry retry,
        @DefaultValue Topics topics, @DefaultValue Inbox inbox) {

    /** Properties with the inbox at its default (for code that builds them by hand). */
    public MessagingProperties(String source, Relay relay, Retry retry, Topics topics) {
        this(source, relay, retry, topics, null);
    }

    // Each knob has its own default (@DefaultValue), so setting one variable of a group, e.g.
    // AULA_MESSAGING_TOPICS_REPLICATION_FACTOR, leaves the others at their defaults. The nulls
    // below only serve code that builds the properties by hand (tests, benchmarks).
    @ConstructorBinding
    public MessagingProperties {
        relay = relay == null ? new Relay(true, 500, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofDays(7)) : relay;
        retry = retry == null ? new Retry(Duration.ofMillis(200), 2.0, Duration.ofSeconds(5), 4) : retry;
        topics = topics == null ? new Topics(true, 3, (short) 1, null) : topics;
        inbox = inbox == null ? new Inbox(Duration.ofDays(30)) : inbox;
    }

    /**
     * @param enabled      whether this instance relays (one instance works at a time anyway)
     * @param batchSize    rows sent per round trip
     * @param pollInterval how long the relay sleeps when nothing woke it (commits wake it at once)
     * @param sendTimeout  how long a batch waits for the broker's acks before it is retried
     * @param retention    how long published rows are kept for audit and replay
     * @param linger       the relay producer's {@code linger.ms}: how long a record waits for more to join its batch.
     *                     The relay hands the producer a whole batch of rows at once, so waiting adds latency and
     *                     saves nothing: 0 (Kafka 4's default of 5 ms cost every event 5 ms; issue 11)
     * @param producerBatchSize the relay producer's {@code batch.size}, in bytes per partition and request: 256 KiB, so
     *                     a batch of 500 rows of 1 KiB goes in a few requests (Kafka's default of 16 KiB needs dozens;
     *                     issue 11)
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("500") int batchSize,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("7d") Duration retention, @DefaultValue("0ms") Duration linger,
            @DefaultValue("262144") int producerBatchSize) {

        @ConstructorBinding
        public Relay {
        }

        /** Defaults of the producer settings (for code that builds the properties by hand). */
        public Relay(boolean enabled, int batchSize, Duration pollInterval, Duration sendTimeout, Duration retention) {
            this(enabled, batchSize, pollInterval, sendTimeout, retention, Duration.ZERO, DEFAULT_PRODUCER_BATCH_SIZE);
        }

        /** The default {@code producer-batch-size}: 256 KiB. */
        public static final int DEFAULT_PRODUCER_BATCH_SIZE = 256 * 1024;
    }

    /**
     * @param initialInterval first back-off
     * @param multiplier      back-off growth
     * @param maxInterval     longest back-off
     * @param maxAttempts     deliveries in all, the first included, before a failure that is neither transient nor
     *                        poison is dead-lettered (a transient failure, e.g. the database or broker away, is
     *                        retried until it passes; poison is dead-lettered at once; see {@link Failures})
     */
    public record Retry(@DefaultValue("200ms") Duration initialInterval, @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval, @DefaultValue("4") int maxAttempts) {
    }

    /**
     * @param create            declare Aula's topics and their dead-letter topics at start-up
     * @param partitions        partitions of each topic (a dead-letter topic gets as many as its source)
     * @param replicationFactor 1 locally; 3 in production, with {@code min.insync.replicas=2}
     * @param minInsyncReplicas {@code min.insync.replicas} of the topics this service creates; by default 2 when
     *                          the replication factor is 3 or more, else 1
     */
    public record Topics(@DefaultValue("true") boolean create, @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor, Integer minInsyncReplicas) {

        @ConstructorBinding
        public Topics {
        }

        public Topics(boolean create, int partitions, short replicationFactor) {
            this(create, partitions, replicationFactor, null);
        }

        /** The {@code min.insync.replicas} to create topics with. */
        public int effectiveMinInsyncReplicas() {
            if (minInsyncReplicas != null) {
                return minInsyncReplicas;
            }
            return replicationFactor >= 3 ? 2 : 1;
        }
    }

    /**
     * @param retention how long an applied event's id is kept to recognise a redelivery; longer than any topic's
     *                  retention and any redrive an operator may do (a redelivery older than this would apply again)
     */
    public record Inbox(@DefaultValue("30d") Duration retention) {
    }
}
