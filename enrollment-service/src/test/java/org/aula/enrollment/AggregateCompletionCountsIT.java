package org.aula.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.events.CertificateIssued;
import org.aula.events.CloudEventHeaders;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.EventCatalog;
import org.aula.testsupport.EventScenario;
import org.aula.testsupport.EventScenario.Event;
import org.junit.jupiter.api.Test;

/**
 * The aggregate feed carries certification's completion counts too: each
 * {@code completion-counts.changed} on {@code certification.events} is copied to
 * {@code partner.aggregate.enrollment} with its value and headers, keyed
 * {@code <cohortId>:<institution>:completions}; a certificate (which names its holder) is not. The
 * counts go to the aggregate feed only: the institution's own feed gets the certificate, never the counts.
 */
@EnrollmentIntegrationTest
class AggregateCompletionCountsIT {

    @Test
    void completionCountsAreForwardedToTheAggregateFeedAndCertificatesAreNot() {
        String cohort = UUID.randomUUID().toString();
        CompletionCountsChanged first = new CompletionCountsChanged(cohort, "BMM-2019-05", "BMM", "POLICE", 6, 6, 0, 5, 0,
                Instant.parse("2019-05-18T17:00:00Z"));
        CompletionCountsChanged latest = new CompletionCountsChanged(cohort, "BMM-2019-05", "BMM", "POLICE", 6, 6, 0, 6, 0,
                Instant.parse("2019-05-18T17:01:00Z"));
        CertificateIssued certificate = new CertificateIssued(UUID.randomUUID().toString(), "AULA-BMM-2019-000001",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Constant Pascascio", "POLICE", "BMM",
                "Best Practices in Migration Management", 40, cohort, "BMM-2019-05", java.time.LocalDate.of(2019, 5, 13),
                java.time.LocalDate.of(2019, 5, 18), Instant.parse("2019-05-18T17:00:30Z"),
                "https://certificates.aula.test/certificates/AULA-BMM-2019-000001/verification");

        try (EventScenario aggregate = EventScenario.fromEnd("partner.aggregate.enrollment");
                EventScenario police = EventScenario.fromEnd("partner.POLICE.enrollment")) {
            UUID firstId = EventScenario.publish(first);
            EventScenario.publish(certificate);
            UUID latestId = EventScenario.publish(latest);

            List<ConsumerRecord<String, byte[]>> copies = aggregate.awaitEvents(
                    event -> event.key() != null && event.key().startsWith(cohort + ":"), records -> records.size() == 2)
                    .stream().map(Event::record).toList();

            assertThat(copies).extracting(ConsumerRecord::key).containsOnly(cohort + ":POLICE:completions");
            assertThat(copies).extracting(record -> header(record, CloudEventHeaders.TYPE))
                    .containsOnly(EventCatalog.COMPLETION_COUNTS_CHANGED.type());
            assertThat(copies).extracting(record -> header(record, CloudEventHeaders.ID))
                    .containsExactly(firstId.toString(), latestId.toString());
            assertThat(new String(copies.get(1).value(), StandardCharsets.UTF_8))
                    .contains("\"certificatesIssued\":6").doesNotContain("Pascascio");
            // and nothing else for this cohort by the time the sentinels come back
            assertThat(aggregate.settled(event -> event.key() != null && event.key().startsWith(cohort + ":"))).hasSize(2);

            // The certificate, published between the two counts, reaches POLICE's feed; the counts never do.
            police.awaitEvents(event -> certificate.certificateId().equals(EventScenario.dataOf(event.record())
                    .path("certificateId").asString(null)), 1);
            assertThat(police.settled(event -> cohort.equals(EventScenario.dataOf(event.record()).path("cohortId").asString(null))))
                    .extracting(event -> header(event.record(), CloudEventHeaders.TYPE))
                    .containsExactly(EventCatalog.CERTIFICATE_ISSUED.type());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
