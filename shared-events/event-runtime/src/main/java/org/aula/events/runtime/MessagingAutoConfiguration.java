package org.aula.events.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.aula.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the messaging runtime into a service: the messaging schema, outbox and relay, inbox,
 * listener error handling with dead letters, topics, Kafka health and messaging metrics.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, MetricsAutoConfiguration.class,
        CompositeMeterRegistryAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** Header carrying, in plain words, why a record was dead-lettered. */
    public static final String DEAD_LETTER_REASON = "aula_dlt_reason";

    private static final int MAX_REASON_LENGTH = 300;
    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    /** The JSON mapping of event data: tolerant of fields it does not know (additive changes). */
    static JsonMapper eventJson() {
        return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Bean
    MessagingSchema aulaMessagingSchema(DataSource dataSource, Environment environment) {
        // Off only where something else keeps the tables, or nothing needs them: the container image's class data
        // sharing training run has no database (deploy/container/cds-training.env).
        if (!environment.getProperty("aula.messaging.schema.migrate", Boolean.class, true)) {
            return MessagingSchema.unmanaged();
        }
        return MessagingSchema.migrate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay aulaOutboxRelay(MessagingSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            KafkaTemplate<String, byte[]> kafka, MessagingProperties properties, Environment environment,
            MeterRegistry meters) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactionManager), kafka,
                withSource(properties, environment), meters);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox aulaOutbox(MessagingSchema schema, JdbcClient jdbc, OutboxRelay relay, ObjectProvider<Clock> clock,
            ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Outbox(jdbc, eventJson(), relay, clock.getIfAvailable(Clock::systemUTC),
                new TraceContexts(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    /** Outbox rows written once a transaction, before its commit; Spring Boot adds it to its transaction manager. */
    @Bean
    OutboxBatching aulaOutboxBatching() {
        return new OutboxBatching();
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox aulaInbox(MessagingSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            MeterRegistry meters) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager), eventJson(), meters);
    }

    @Bean
    @ConditionalOnMissingBean
    PollTransactions aulaPollTransactions(PlatformTransactionManager transactionManager,
            ObjectProvider<ObservationRegistry> observations, MeterRegistry meters) {
        return new PollTransactions(new TransactionTemplate(transactionManager),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), meters);
    }

    /**
     * Spring Kafka times a batch listener with its own {@code spring.kafka.listener} timer, whose tags differ from
     * those of a record listener's observation of the same name; Prometheus takes one set of tags per name, so
     * whichever registered second was dropped (with a warning), and a service with both kinds lost its record
     * listeners' timers. A batch listener is timed by {@link PollTransactions} instead.
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> aulaBatchListenerTimers() {
        return container -> {
            if (container.getContainerProperties().getMessageListener() instanceof BatchMessageListener<?, ?>) {
                container.getContainerProperties().setMicrometerEnabled(false);
            }
        };
    }

    @Bean
    MessagingMetrics aulaMessagingMetrics(MessagingSchema schema, JdbcClient jdbc, MeterRegistry meters) {
        return new MessagingMetrics(jdbc, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerStalls aulaConsumerStalls(MeterRegistry meters, ObjectProvider<Clock> clock) {
        return new ConsumerStalls(meters, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Pauses a listener container for the length of a back-off; the scheduler that resumes it is the runtime's own. */
    @Bean
    ListenerPauses aulaListenerPauses(ObjectProvider<ListenerContainerRegistry> registry) {
        return new ListenerPauses(registry);
    }

    /**
     * Listener failures, decided once for every service by {@link Failures}: a transient failure (database or
     * broker unavailable, read-only, a deadlock) is retried with capped exponential back-off for as long as it
     * lasts, the container paused in between and no offset committed past the record; poison (undecodable,
     * forged, against the contract, refused) goes to {@code <topic>-dlt}, same partition, at once, with its reason
     * in a header; anything unclassified is retried {@code max-attempts} times, then dead-lettered. A dead letter
     * that cannot be written fails the recovery, so the record is retried rather than lost.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler aulaErrorHandler(KafkaTemplate<String, byte[]> kafka, MessagingProperties properties,
            MeterRegistry meters, ConsumerStalls stalls, ListenerPauses pauses) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setWaitForSendResultTimeout(properties.relay().sendTimeout());
        // Spring Kafka's exception headers carry the message and stack trace, which may quote personal data
        // that an erasure could never reach in a topic: the reason header says what an operator needs.
        deadLetters.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_MSG,
                DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);
        deadLetters.setHeadersFunction((record, exception) -> {
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            headers.add(DEAD_LETTER_REASON, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries unclassified = new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        unclassified.setInitialInterval(retry.initialInterval().toMillis());
        unclassified.setMultiplier(retry.multiplier());
        unclassified.setMaxInterval(retry.maxInterval().toMillis());
        ExponentialBackOff untilItPasses = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        untilItPasses.setMaxInterval(retry.maxInterval().toMillis());
        untilItPasses.setMaxElapsedTime(Long.MAX_VALUE);
        untilItPasses.setMaxAttempts(Long.MAX_VALUE);
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            deadLetters.accept(record, consumer, exception);
            stalls.deadLettered(record, consumer);
            log.warn("dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetterOf(record.topic()), reason(exception));
            Counter.builder("aula.messaging.dead.letters")
                    .description("Records sent to a dead-letter topic")
                    .tag("topic", record.topic())
                    .tag("reason", Failures.classify(exception) == Failures.Kind.POISON
                            ? (undecodable(exception) != null ? "undecodable" : "refused") : "failed")
                    .register(meters)
                    .increment();
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, unclassified, pauses);
        handler.setBackOffFunction((record, exception) ->
                Failures.classify(exception) == Failures.Kind.TRANSIENT ? untilItPasses : null);
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(UndecodableEventException.class, RefusedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnProperty(name = "aula.messaging.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics aulaTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(topics(properties).toArray(NewTopic[]::new));
    }

    /** Aula's topics and their dead-letter topics as this service creates them. */
    static List<NewTopic> topics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        MessagingProperties.Topics settings = properties.topics();
        for (String topic : List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION)) {
            Map<String, String> config = Map.of("min.insync.replicas", Integer.toString(settings.effectiveMinInsyncReplicas()));
            topics.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()).configs(config));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), settings.partitions(), settings.replicationFactor()).configs(config));
        }
        return topics;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters aulaDeadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka) {
        return new DeadLetters(consumers, kafka);
    }

    @Bean
    @ConditionalOnMissingBean
    ParkedEvents aulaParkedEvents(MessagingSchema schema, JdbcClient jdbc, OutboxRelay relay) {
        return new ParkedEvents(jdbc, relay);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    private static MessagingProperties withSource(MessagingProperties properties, Environment environment) {
        if (properties.source() != null && !properties.source().isBlank()) {
            return properties;
        }
        String source = "/aula/" + environment.getProperty("spring.application.name", "unnamed-service");
        return new MessagingProperties(source, properties.relay(), properties.retry(), properties.topics(), properties.inbox());
    }

    /**
     * The reason written into a dead letter: the runtime's own poison message (written by Aula code, about the
     * contract) if there was one, else only the failure's class and SQLSTATE, never a foreign exception's message,
     * which may quote personal data that erasure cannot reach in a topic.
     */
    static String reason(Throwable exception) {
        Throwable poison = undecodable(exception);
        String text = poison != null ? poison.getClass().getSimpleName() + ": " + poison.getMessage()
                : Failures.describe(exception);
        // Bounded: a header is no place for a whole payload quoted back by a parser.
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "...";
    }

    private static Throwable undecodable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UndecodableEventException || cause instanceof RefusedEventException) {
                return cause;
            }
        }
        return null;
    }


}
