package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aula.events.EnrolmentCountsChanged;
import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One institution's feed that cannot be created (its name collides with a topic someone made by hand:
 * {@code partner.BAD_FEED.enrollment} against {@code partner.BAD.FEED.enrollment}) costs that institution's record
 * only: the records around it in the same batch, of another institution, are copied and never dead-lettered.
 */
@EnrollmentIntegrationTest
class PartnerFeedFaultIT {

    private static final String GROUP = "enrollment-service-partner-feeds";

    @Test
    @Timeout(120)
    void aFeedThatCannotBeCreatedDeadLettersOnlyItsOwnRecord() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(java.util.Locale.ROOT);
        String bad = "BAD_" + suffix;
        String good = "GOOD" + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.shared().kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("partner.BAD." + suffix + ".enrollment", 1, (short) 1))).all().get();
        }
        String cohort = "cohort-" + UUID.randomUUID();
        List<UUID> goodIds = List.of(UUID.randomUUID(), UUID.randomUUID());
        UUID badId = UUID.randomUUID();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50), new StringSerializer(), new ByteArraySerializer())) {
            // One key, one partition, sent together: the router sees them in one batch, the failing one in the middle.
            producer.send(CloudEventRecords.of(counts(cohort, good, 1), goodIds.get(0), "/aula/enrollment-service", Instant.now()));
            producer.send(CloudEventRecords.of(counts(cohort, bad, 1), badId, "/aula/enrollment-service", Instant.now()));
            producer.send(CloudEventRecords.of(counts(cohort, good, 2), goodIds.get(1), "/aula/enrollment-service", Instant.now()));
            producer.flush();
        }

        try (EventScenario feed = EventScenario.fromStart("partner." + good + ".enrollment")) {
            feed.awaitEvents(cohort, 2);
        }
        List<String> deadLettered = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.ENROLLMENT)));
            // The failing record is retried a few times before it goes; wait for it, then read on a little.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (cohort.equals(record.key()) && GROUP.equals(header(record, "kafka_dlt-original-consumer-group"))) {
                        deadLettered.add(header(record, "ce_id"));
                    }
                }
                return deadLettered.contains(badId.toString());
            });
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    if (cohort.equals(record.key()) && GROUP.equals(header(record, "kafka_dlt-original-consumer-group"))) {
                        deadLettered.add(header(record, "ce_id"));
                    }
                }
            }
        }
        assertThat(deadLettered).as("only the record whose feed cannot exist").containsExactly(badId.toString());
    }

    private static EnrolmentCountsChanged counts(String cohort, String institution, int enrolled) {
        return new EnrolmentCountsChanged(cohort, "BMM-2019-05", "BMM", institution, enrolled, 0, 0, 25, Instant.now());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
