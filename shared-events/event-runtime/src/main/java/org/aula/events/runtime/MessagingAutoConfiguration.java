package org.aula.events.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    MessagingSchema aulaMessagingSchema(DataSource dataSource) {
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
    Outbox aulaOutbox(MessagingSchema schema, JdbcClient jdbc, OutboxRelay relay, ObjectProvider<Clock> clock) {
        return new Outbox(jdbc, eventJson(), relay, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox aulaInbox(MessagingSchema schema, JdbcClient jdbc, PlatformTransactionManager transactionManager,
            MeterRegistry meters) {
        return new Inbox(jdbc, new TransactionTemplate(transactionManager), eventJson(), meters);
    }

    @Bean
    MessagingMetrics aulaMessagingMetrics(MessagingSchema schema, JdbcClient jdbc, MeterRegistry meters) {
        return new MessagingMetrics(jdbc, meters);
    }

    /**
     * Blocking retries with exponential back-off (order per partition is kept), then the record
     * goes to {@code <topic>-dlt}, same partition, with the reason in headers. Undecodable records
     * skip the retries. A dead letter that cannot be written fails the recovery, so the record is
     * retried rather than lost.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler aulaErrorHandler(KafkaTemplate<String, byte[]> kafka, MessagingProperties properties,
            MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setWaitForSendResultTimeout(properties.relay().sendTimeout());
        deadLetters.setHeadersFunction((record, exception) -> {
            var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
            headers.add(DEAD_LETTER_REASON, reason(exception).getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            deadLetters.accept(record, exception);
            log.warn("dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                    Topics.deadLetterOf(record.topic()), reason(exception));
            Counter.builder("aula.messaging.dead.letters")
                    .description("Records sent to a dead-letter topic")
                    .tag("topic", record.topic())
                    .tag("reason", undecodable(exception) != null ? "undecodable" : "failed")
                    .register(meters)
                    .increment();
        }, backOff);
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnProperty(name = "aula.messaging.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics aulaTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        MessagingProperties.Topics settings = properties.topics();
        for (String topic : List.of(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION)) {
            topics.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
            topics.add(new NewTopic(Topics.deadLetterOf(topic), settings.partitions(), settings.replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters aulaDeadLetters(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka) {
        return new DeadLetters(consumers, kafka);
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
        return new MessagingProperties(source, properties.relay(), properties.retry(), properties.topics());
    }

    /** The reason written into a dead letter: the decoding problem if there was one, else the root cause. */
    static String reason(Throwable exception) {
        Throwable undecodable = undecodable(exception);
        Throwable reason = undecodable != null ? undecodable : rootCause(exception);
        String text = reason.getClass().getSimpleName() + ": " + reason.getMessage();
        // Bounded: a header is no place for a whole payload quoted back by a parser.
        return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH) + "...";
    }

    private static Throwable undecodable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UndecodableEventException) {
                return cause;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

}
