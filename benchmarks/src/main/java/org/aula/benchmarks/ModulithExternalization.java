package org.aula.benchmarks;

import org.aula.events.CohortFilled;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The peer: Spring Modulith 2.0's event publication registry (JDBC) and Kafka externalization with their defaults,
 * as an application gets them from {@code spring-modulith-starter-jdbc} + {@code spring-modulith-events-kafka}.
 * The writer publishes the same {@link CohortFilled} as an application event in its transaction; Modulith stores
 * the publication in that transaction and sends it after the commit, keyed by the cohort id.
 */
final class ModulithExternalization implements EventPipeline {

    static final String TOPIC = "bench.modulith";

    /** An application with nothing but Modulith's event externalization. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        /**
         * Routes {@link CohortFilled} to the topic with its cohort id as key: what
         * {@code @Externalized("bench.modulith::#{cohortId()}")} would say, declared here because the contract
         * records carry no Modulith annotation.
         */
        @Bean
        EventExternalizationConfiguration eventExternalization() {
            return EventExternalizationConfiguration.externalizing()
                    .selectByType(CohortFilled.class)
                    .route(CohortFilled.class, event -> RoutingTarget.forTarget(TOPIC).andKey(event.cohortId()))
                    .build();
        }
    }

    private final ConfigurableApplicationContext context;
    private final TransactionTemplate transactions;

    ModulithExternalization(Infrastructure infrastructure) {
        this.context = SpringContexts.start(Application.class, infrastructure, "bench_modulith", "org.aula.",
                "--spring.modulith.events.jdbc.schema-initialization.enabled=true",
                "--spring.modulith.events.externalization.enabled=true");
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Override
    public String name() {
        return "modulith";
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void write(EventPlan plan, int i, long[] commitNanos) {
        transactions.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    commitNanos[i] = System.nanoTime();
                }
            });
            context.publishEvent(plan.event(i));
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
