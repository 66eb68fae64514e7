package org.aula.benchmarks;

import org.aula.events.Topics;
import org.aula.events.runtime.Outbox;
import org.aula.events.runtime.OutboxRelay;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aula's pipeline as a service runs it: event-runtime's auto-configuration with its defaults (relay batch 500,
 * woken by each commit), {@link Outbox#append} inside the writer's transaction, {@link OutboxRelay} on its own
 * thread sending to {@code enrollment.events}.
 */
final class AulaRelay implements EventPipeline {

    /** A service with nothing but Aula's messaging runtime. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {
    }

    private final ConfigurableApplicationContext context;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final TransactionTemplate transactions;

    private final String name;

    AulaRelay(Infrastructure infrastructure) {
        this(infrastructure, "aula", "bench_aula");
    }

    /** A relay named {@code name} on {@code database}, with {@code settings} ({@code --aula.messaging.relay.…=…}). */
    AulaRelay(Infrastructure infrastructure, String name, String database, String... settings) {
        this.name = name;
        this.context = SpringContexts.start(Application.class, infrastructure, database, "org.springframework.modulith",
                settings);
        this.outbox = context.getBean(Outbox.class);
        this.relay = context.getBean(OutboxRelay.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return Topics.ENROLLMENT;
    }

    @Override
    public void write(EventPlan plan, int i, long[] commitNanos) {
        transactions.executeWithoutResult(status -> {
            // Registered before the append, so it runs before the outbox's own hook that wakes the relay.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    commitNanos[i] = System.nanoTime();
                }
            });
            outbox.append(plan.event(i));
        });
    }

    /** Stops the relay's thread (rows accumulate in the outbox). */
    void pauseRelay() {
        relay.stop();
    }

    /** Starts the relay's thread again; it drains what accumulated. */
    void resumeRelay() {
        relay.start();
    }

    @Override
    public void close() {
        context.close();
    }
}
