package org.aula.reliability.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.aula.events.Topics;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.events.runtime.DeadLetters;
import org.aula.events.runtime.MessagingAutoConfiguration;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issue 9, scenario 8: poison in the stream (a record that is no CloudEvent, data that breaks its
 * type's contract, an event the consumer refuses for want of reference data) goes to
 * {@code enrollment.events-dlt} on its partition with its reason, the records behind it keep taking
 * effect, and the operator's redrive of a refused event, once its cause is repaired, takes effect.
 */
class PoisonRecordIT {

    private final Form form = Form.current();

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void poisonIsDeadLetteredOnItsPartitionTheStreamFlowsOnAndARepairedRecordIsRedriven() {
        String run = "poison" + UUID.randomUUID().toString().substring(0, 8);
        int events = form.pick(1_000, 10_000);
        int rounds = form.pick(1, 10);
        int poisonCount = rounds * 3;
        Random random = new Random();
        String jdbcUrl = TestInfrastructure.shared().jdbcUrl("rel_" + run);
        FaultLedger ledger = new FaultLedger();
        FillEffects effects = new FillEffects(jdbcUrl);
        System.out.println("[scenario 8] run " + run + ": " + events + " events with " + poisonCount + " poison records");

        try (ConfigurableApplicationContext app = FillsApp.start(run, jdbcUrl);
                FillTraffic traffic = new FillTraffic(run, 50, ledger)) {
            Map<String, Integer> poisonPartitions = new HashMap<>();
            List<UUID> refused = new ArrayList<>();
            int segment = events / (poisonCount + 1);
            int sentEvents = 0;
            for (int round = 0; round < rounds; round++) {
                for (int kind = 0; kind < 3; kind++) {
                    traffic.send(segment);
                    sentEvents += segment;
                    String key = traffic.key(random.nextInt(50));
                    RecordMetadata where = switch (kind) {
                        case 0 -> traffic.sendRaw(new ProducerRecord<>(Topics.ENROLLMENT, key,
                                "not a cloud event".getBytes(StandardCharsets.UTF_8)));
                        case 1 -> {
                            ProducerRecord<String, byte[]> genuine = CloudEventRecords.of(FillTraffic.fill(key, "BMM", 1),
                                    UUID.randomUUID(), FillTraffic.SOURCE, Instant.now());
                            yield traffic.sendRaw(new ProducerRecord<>(Topics.ENROLLMENT, null, key,
                                    "{\"cohortId\": 7, \"fillNumber\": \"seven\"}".getBytes(StandardCharsets.UTF_8), genuine.headers()));
                        }
                        default -> {
                            // A genuine event the consumer cannot apply yet: its course is missing here.
                            key = run + "-repair" + round;
                            UUID id = UUID.randomUUID();
                            refused.add(id);
                            RecordMetadata metadata = traffic.sendRaw(CloudEventRecords.of(
                                    FillTraffic.fill(key, "NEW-" + run, 1), id, FillTraffic.SOURCE, Instant.now()));
                            ledger.acknowledged(FillTraffic.id(key, 1), key);
                            yield metadata;
                        }
                    };
                    poisonPartitions.put(where.partition() + "@" + where.offset(), where.partition());
                }
            }
            traffic.send(events - sentEvents);
            System.out.println("[scenario 8] all sent; waiting for " + events + " effects and " + poisonCount + " dead letters");

            await().atMost(Duration.ofSeconds(form.pick(90, 600))).pollInterval(Duration.ofSeconds(1)).until(() -> {
                long applied = effects.count();
                System.out.println("[scenario 8] effects " + applied + "/" + events);
                return applied >= events && deadLetters(run).size() >= poisonCount;
            });
            List<ConsumerRecord<String, byte[]>> letters = deadLetters(run);
            assertThat(letters).as("dead letters before the redrive").hasSize(poisonCount);
            for (ConsumerRecord<String, byte[]> letter : letters) {
                int originalPartition = ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt();
                long originalOffset = ByteBuffer.wrap(header(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong();
                assertThat(poisonPartitions).as("a dead letter is one of the poison records").containsKey(originalPartition + "@" + originalOffset);
                assertThat(letter.partition()).as("same partition as its source").isEqualTo(originalPartition);
                assertThat(new String(header(letter, MessagingAutoConfiguration.DEAD_LETTER_REASON), StandardCharsets.UTF_8))
                        .as("reason").isNotBlank();
            }

            // The operator's repair: the missing course is added; then each refused event is redriven.
            effects.jdbc().sql("insert into known_course (code) values (?)").param("NEW-" + run).update();
            DeadLetters operator = app.getBean(DeadLetters.class);
            List<DeadLetters.DeadLetter> listed = operator.list(100_000);
            for (UUID id : refused) {
                DeadLetters.DeadLetter letter = listed.stream().filter(l -> id.toString().equals(l.id())).findFirst().orElseThrow();
                assertThat(letter.reason()).contains("is unknown to this service");
                operator.redrive(letter.topic(), letter.partition(), letter.offset());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> effects.count() >= events + rounds);

            effects.observeInto(ledger);
            long deadLetters = deadLetters(run).size();
            double counted = app.getBean(MeterRegistry.class).find("aula.messaging.dead.letters").counters().stream()
                    .mapToDouble(Counter::count).sum();
            ReliabilityReport.record(new ReliabilityReport.Row("08-poison-records",
                    "poison in the stream goes to the dead-letter topic on its partition with its reason; later records flow; "
                            + rounds + " refused event(s) redriven by the operator after the repair took effect",
                    String.format("%,d events + %d poison records, 50 keys", events, poisonCount),
                    rounds + " × (not a CloudEvent, data breaking its type, a course the consumer lacks)",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetters, "n/a", form.label()));

            assertThat(deadLetters).as("dead letters = exactly the poison").isEqualTo(poisonCount);
            assertThat(counted).as("aula.messaging.dead.letters").isEqualTo(poisonCount);
            assertThat(ledger.lost()).as("lost").isEmpty();
            assertThat(ledger.duplicates()).as("duplicate effects").isZero();
            assertThat(ledger.orderViolations()).as("order violations").isZero();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String run) {
        return KafkaProbe.read(Topics.deadLetterOf(Topics.ENROLLMENT), r -> r.key() != null && r.key().startsWith(run));
    }

    private static byte[] header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as(name).isNotNull();
        return header.value();
    }
}
