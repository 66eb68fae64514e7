package org.aula.session;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aula.events.AulaEvent;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.testsupport.TestInfrastructure;

/** Plays enrollment-service: publishes its events to {@code enrollment.events} exactly as its relay would. */
final class EnrollmentFeed implements AutoCloseable {

    static final String SOURCE = "/aula/enrollment-service";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0),
            new StringSerializer(), new ByteArraySerializer());

    /** Publishes an event under a fresh event id and returns the id. */
    UUID publish(AulaEvent event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    /** Publishes an event under the given event id (the same id again is a redelivery). */
    void publish(AulaEvent event, UUID id) {
        publish(CloudEventRecords.of(event, id, SOURCE, Instant.now()));
    }

    /** Publishes a record as it is, well-formed or not; waits for the broker's ack. */
    void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not take the record", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
