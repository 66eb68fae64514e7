package org.aula.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.aula.certification.CourseCompletedFixture.Cohort;
import org.aula.events.CourseCompleted;
import org.aula.events.EventCatalog;
import org.aula.events.Topics;
import org.aula.events.runtime.IncomingEvent;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.TestInfrastructure;
import org.aula.testsupport.reliability.DeadLetterCount;
import org.aula.testsupport.reliability.FaultLedger;
import org.aula.testsupport.reliability.ReliabilityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Fault scenario 02, at-least-once delivery taken at its word: every {@code course.completed} arrives three times
 * under the same CloudEvents id, the copies shuffled among the other completions, and the third copy of a wave
 * only after the next wave was sent. Each participant completes one cohort per wave, and a wave is sent only once
 * the previous one is certified, so a participant's certificates have an order. Every completion the broker
 * acknowledged must become exactly one certificate and one {@code certificate.issued}, published in that order
 * for its participant; the inbox must recognise every copy (counted by {@code aula.inbox.duplicates}). Both
 * forms send 500 completions × 3 (about 20 s on two cores).
 */
@CertificationServiceTest
class RedeliveredCompletionsFaultIT {

    private static final String FORM = System.getProperty("aula.reliability.form", "fast");
    /** The issue's full load in both forms: it takes seconds. */
    private static final int COMPLETIONS = 500;
    private static final int WAVES = 5;
    private static final int COHORTS_PER_WAVE = 4;
    private static final int PARTICIPANTS = COMPLETIONS / WAVES;
    private static final Duration ARRIVAL = Duration.ofSeconds(120);
    /** Long enough for a wrongly issued extra certificate to be relayed (a commit wakes the relay at once). */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void everyCompletionDeliveredThreeTimesIsCertifiedOnceAndPublishedInOrderPerParticipant() throws Exception {
        List<String> participants = new ArrayList<>();
        for (int p = 0; p < PARTICIPANTS; p++) {
            participants.add(UUID.randomUUID().toString());
        }
        Set<String> participantIds = Set.copyOf(participants);
        Set<String> cohortIds = new HashSet<>();
        FaultLedger ledger = new FaultLedger();
        Random random = new Random(2);
        double duplicatesBefore = inboxDuplicates();
        long started = System.nanoTime();

        try (DeadLetterCount deadLetters = new DeadLetterCount();
                EventScenario certificationEvents = EventScenario.fromStart(Topics.CERTIFICATION);
                KafkaProducer<String, byte[]> producer = producer()) {
            List<ProducerRecord<String, byte[]>> heldBack = List.of();
            for (int wave = 0; wave < WAVES; wave++) {
                List<Cohort> cohorts = new ArrayList<>();
                for (int c = 0; c < COHORTS_PER_WAVE; c++) {
                    Cohort cohort = CourseCompletedFixture.aCohort();
                    cohorts.add(cohort);
                    cohortIds.add(cohort.id());
                }
                List<CourseCompleted> completions = new ArrayList<>();
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                for (int p = 0; p < PARTICIPANTS; p++) {
                    CourseCompleted completion = cohorts.get(p % COHORTS_PER_WAVE).completion(participants.get(p),
                            "Participant " + p, Instant.now().minus(1, ChronoUnit.HOURS));
                    completions.add(completion);
                    records.add(EventScenario.record(completion, UUID.randomUUID()));
                }
                // Two copies of each now, shuffled together with the previous wave's third copies.
                List<ProducerRecord<String, byte[]>> deliveries = new ArrayList<>(records);
                deliveries.addAll(records);
                deliveries.addAll(heldBack);
                Collections.shuffle(deliveries, random);
                send(producer, deliveries);
                completions.forEach(completion -> ledger.acknowledged(completion.completionId(), completion.participantId()));
                heldBack = records;
                awaitCertified(completions);
            }
            send(producer, heldBack);

            await().pollInSameThread().atMost(ARRIVAL).until(() -> issuedTo(certificationEvents, participantIds).size() >= COMPLETIONS);
            await().atMost(ARRIVAL).until(() -> inboxDuplicates() - duplicatesBefore >= 2.0 * COMPLETIONS);
            await().pollInSameThread().during(QUIET).atMost(QUIET.plus(ARRIVAL))
                    .until(() -> issuedTo(certificationEvents, participantIds).size() == COMPLETIONS);
            long took = System.nanoTime() - started;
            issuedTo(certificationEvents, participantIds).forEach(record -> ledger.observed(
                    EventScenario.dataOf(record).get("completionId").asString(), record.key()));
            long certificates = jdbc.sql("select count(*) from certificate where cohort_id in (:cohorts)")
                    .param("cohorts", cohortIds).query(Long.class).single();
            long certifiedCompletions = jdbc.sql("select count(distinct completion_id) from certificate where cohort_id in (:cohorts)")
                    .param("cohorts", cohortIds).query(Long.class).single();
            long duplicatesSkipped = Math.round(inboxDuplicates() - duplicatesBefore);
            long deadLetterCount = deadLetters.of(cohortIds);

            assertThat(ledger.acknowledgedCount()).isEqualTo(COMPLETIONS);
            assertThat(certificates).as("certificates").isEqualTo(COMPLETIONS);
            assertThat(certifiedCompletions).as("completions certified").isEqualTo(COMPLETIONS);
            assertThat(ledger.lost()).as("completions without a certificate.issued").isEmpty();
            assertThat(ledger.duplicates()).as("certificate.issued repeated").isZero();
            assertThat(ledger.orderViolations()).as("certificate.issued out of order for its participant").isZero();
            assertThat(ledger.unacknowledgedEffects()).isZero();
            assertThat(duplicatesSkipped).as("copies the inbox recognised").isGreaterThanOrEqualTo(2L * COMPLETIONS);
            assertThat(deadLetterCount).isZero();
            System.out.printf(Locale.ROOT, "REDELIVERED COMPLETIONS: %d completions × 3 in %d ms, inbox duplicates %d%n",
                    COMPLETIONS, TimeUnit.NANOSECONDS.toMillis(took), duplicatesSkipped);

            ReliabilityReport.record(new ReliabilityReport.Row("02-redelivered-completions",
                    "course.completed delivered three times under one event id, copies interleaved; "
                            + WAVES + " waves, one cohort per participant per wave",
                    String.format(Locale.ROOT, "%,d completions × 3 deliveries (%d participants)", COMPLETIONS, PARTICIPANTS),
                    "every event redelivered twice (inbox skipped " + duplicatesSkipped + " copies)",
                    ledger.lost().size(), ledger.duplicates(), ledger.orderViolations(), deadLetterCount,
                    "n/a (" + ReliabilityReport.seconds(TimeUnit.NANOSECONDS.toMillis(took)) + " to certify all)", FORM));
        }
    }

    private void awaitCertified(List<CourseCompleted> completions) {
        List<String> ids = completions.stream().map(CourseCompleted::completionId).toList();
        await().atMost(ARRIVAL).until(() -> jdbc.sql("select count(*) from certificate where completion_id in (:ids)")
                .param("ids", ids).query(Long.class).single() == completions.size());
    }

    private static List<ConsumerRecord<String, byte[]>> issuedTo(EventScenario topic, Set<String> participants) {
        return topic.records(record -> participants.contains(record.key())
                && IncomingEvent.from(record).type().equals(EventCatalog.CERTIFICATE_ISSUED.type()));
    }

    /** Sends in list order and waits until the broker acknowledged every record. */
    private static void send(KafkaProducer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
            acknowledgement.get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }

    private double inboxDuplicates() {
        Counter counter = meters.find("aula.inbox.duplicates").tag("consumer", "certificate-issuer").counter();
        return counter == null ? 0 : counter.count();
    }
}
