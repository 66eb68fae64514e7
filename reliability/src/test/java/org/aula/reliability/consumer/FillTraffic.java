package org.aula.reliability.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.aula.events.CohortFilled;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The enrollment service's side of a scenario: CohortFilled events for {@code keys} cohorts of one
 * run, fill numbers counting up per cohort, each recorded in the ledger once the broker acknowledged
 * it (an idempotent producer keeps send order per partition, so ledger order is topic order per key).
 */
final class FillTraffic implements AutoCloseable {

    static final String SOURCE = "/aula/enrollment-service";
    private static final int CHUNK = 20;

    private final KafkaProducer<String, byte[]> producer;
    private final String run;
    private final int keys;
    private final FaultLedger ledger;
    private final int[] fills;
    private long sent;

    FillTraffic(String run, int keys, FaultLedger ledger) {
        this.run = run;
        this.keys = keys;
        this.ledger = ledger;
        this.fills = new int[keys];
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5), new StringSerializer(), new ByteArraySerializer());
    }

    String key(int k) {
        return run + "-c" + k;
    }

    static String id(String cohortId, int fill) {
        return cohortId + "#" + fill;
    }

    static CohortFilled fill(String cohortId, String course, int fill) {
        return new CohortFilled(cohortId, "BMM-2019-05", course, 25, fill, Instant.parse("2019-05-01T10:00:00Z"));
    }

    /** Sends {@code count} events round-robin over the cohorts as fast as the broker acknowledges them. */
    void send(int count) {
        sendPaced(count, Duration.ZERO);
    }

    /** Sends {@code count} events spread evenly over {@code span}. */
    void sendPaced(int count, Duration span) {
        long start = System.nanoTime();
        long perEvent = span.toNanos() / Math.max(1, count);
        for (int done = 0; done < count; done += CHUNK) {
            int chunk = Math.min(CHUNK, count - done);
            List<String[]> written = new ArrayList<>(chunk);
            List<Future<RecordMetadata>> acks = new ArrayList<>(chunk);
            for (int i = 0; i < chunk; i++) {
                int k = (int) (sent++ % keys);
                String cohortId = key(k);
                int fill = ++fills[k];
                acks.add(producer.send(CloudEventRecords.of(fill(cohortId, "BMM", fill), UUID.randomUUID(), SOURCE, Instant.now())));
                written.add(new String[] {id(cohortId, fill), cohortId});
            }
            producer.flush();
            for (int i = 0; i < chunk; i++) {
                await(acks.get(i));
                ledger.acknowledged(written.get(i)[0], written.get(i)[1]);
            }
            long due = start + perEvent * (done + chunk);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                // Pacing the load, not waiting for a result.
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Sends one record as is (a poison, a one-off) and returns where it landed. */
    RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        return await(producer.send(record));
    }

    private static RecordMetadata await(Future<RecordMetadata> ack) {
        try {
            return ack.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not acknowledge a send", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
