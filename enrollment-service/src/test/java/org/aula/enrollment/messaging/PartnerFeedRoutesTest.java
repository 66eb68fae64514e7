package org.aula.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.events.AulaEvent;
import org.aula.events.CertificateIssued;
import org.aula.events.CertificateRevoked;
import org.aula.events.CohortFilled;
import org.aula.events.CohortScheduled;
import org.aula.events.CohortStatusChanged;
import org.aula.events.CompletionCountsChanged;
import org.aula.events.CourseCompleted;
import org.aula.events.EnrolmentCountsChanged;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
import org.aula.events.SeatOffered;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.enrollment.messaging.PartnerFeedListener.Route;
import org.junit.jupiter.api.Test;

/**
 * Which partner feeds a record of {@code enrollment.events}, {@code session.events} or {@code certification.events}
 * is copied to, and under which key.
 */
class PartnerFeedRoutesTest {

    private static final String PASCASCIO = "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7";
    /** The catalogue holds POLICE and MFA; Pascascio was nominated to May's cohort by POLICE. */
    private static final PartnerFeedListener.Directory DIRECTORY = new PartnerFeedListener.Directory() {
        @Override
        public List<InstitutionCode> institutions() {
            return List.of(new InstitutionCode("MFA"), new InstitutionCode("POLICE"));
        }

        @Override
        public Optional<InstitutionCode> institutionOf(String cohortId, String participantId) {
            return PASCASCIO.equals(participantId) && MAY.equals(cohortId) ? Optional.of(new InstitutionCode("POLICE"))
                    : Optional.empty();
        }
    };

    private static final String MAY = "5b0e6a3c-1f7d-4c2a-9e84-3d1b2a7c9f01";
    private static final String JUNE = "8f4d2c6a-3b1e-4a97-8d05-e7c9b2a1f6d3";
    private static final Instant AT = Instant.parse("2019-05-02T11:58:03Z");

    @Test
    void anEventAboutANomineeGoesToTheirInstitutionsFeedUnderTheSameKey() {
        ConsumerRecord<String, byte[]> enrolled = record(new ParticipantEnrolled("e2d9f4a1-6b3c-4e8d-a7f0-9c5b1d3e2a64", MAY,
                "BMM-2019-05", "BMM", "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7", "Constant Pascascio", "POLICE", 2, 2, 25, false, AT));

        assertThat(routes(enrolled)).containsExactly(new Route("partner.POLICE.enrollment", MAY));
    }

    @Test
    void aSeatOfferGoesToTheFeedOfTheOfficialsInstitutionKeyedByTheOfferingCohort() {
        ConsumerRecord<String, byte[]> offered = record(new SeatOffered("2c7e5a9d-1f3b-4d68-b0a2-94e6c8d1f5b7", JUNE,
                "BMM-2019-06A", MAY, "BMM-2019-05", "BMM", "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "Tanya Núñez", "MHD", AT,
                AT.plusSeconds(3600)));

        assertThat(routes(offered)).containsExactly(new Route("partner.MHD.enrollment", JUNE));
    }

    @Test
    void countsGoToTheInstitutionsFeedAndToTheAggregateFeedKeyedByCohortAndInstitution() {
        ConsumerRecord<String, byte[]> counts = record(new EnrolmentCountsChanged(MAY, "BMM-2019-05", "BMM", "MFA", 7, 1, 0, 25, AT));

        assertThat(routes(counts)).containsExactly(new Route("partner.MFA.enrollment", MAY),
                new Route("partner.aggregate.enrollment", MAY + ":MFA"));
    }

    @Test
    void completionCountsGoToTheAggregateFeedOnlyKeyedApartFromTheEnrolmentCounts() {
        ConsumerRecord<String, byte[]> counts = record(new CompletionCountsChanged(MAY, "BMM-2019-05", "BMM", "MFA", 6, 5, 1,
                5, 0, AT));

        assertThat(routes(counts)).containsExactly(new Route("partner.aggregate.enrollment", MAY + ":MFA:completions"));
    }

    @Test
    void anErasureGoesToTheFeedOfEveryInstitutionItNamesKeyedByTheParticipant() {
        String participant = "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7";
        ConsumerRecord<String, byte[]> erased = record(new ParticipantErased(participant, AT, List.of("MFA", "POLICE")));

        assertThat(routes(erased)).containsExactly(new Route("partner.MFA.enrollment", participant),
                new Route("partner.POLICE.enrollment", participant));
    }

    @Test
    void anErasureThatConcernedNoPartnerFeedGoesNowhere() {
        assertThat(routes(record(new ParticipantErased("c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7", AT))))
                .isEmpty();
    }

    @Test
    void anEventAboutNoInstitutionGoesNowhere() {
        ConsumerRecord<String, byte[]> filled = record(new CohortFilled(MAY, "BMM-2019-05", "BMM", 25, 1, AT));

        assertThat(routes(filled)).isEmpty();
    }

    @Test
    void aValueThatIsNotAJsonObjectOrAnInstitutionCodeThatCannotNameATopicGoesNowhere() {
        assertThat(routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "not json".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "{\"institutionCode\":\"a.b\"}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "{\"institutionCode\":7}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    @Test
    void aCallForNominationsGoesToEveryCataloguedInstitutionsFeedUnderTheCohortKey() {
        ConsumerRecord<String, byte[]> scheduled = record(new CohortScheduled(MAY, "BMM-2019-05", "BMM",
                "Best Practices in Migration Management", 40, LocalDate.parse("2019-05-13"), LocalDate.parse("2019-05-18"),
                "Belmopan", 25, "Graciela Incer"));
        ConsumerRecord<String, byte[]> opened = record(new CohortStatusChanged(MAY, "BMM-2019-05", "BMM", "PLANNED", "OPEN",
                "opened for nominations", AT));

        assertThat(routes(scheduled)).containsExactly(new Route("partner.MFA.enrollment", MAY),
                new Route("partner.POLICE.enrollment", MAY));
        assertThat(routes(opened)).containsExactly(new Route("partner.MFA.enrollment", MAY),
                new Route("partner.POLICE.enrollment", MAY));
    }

    @Test
    void aCompletionDecisionGoesToTheOfficialsInstitutionsFeedUnderTheCohortKey() {
        ConsumerRecord<String, byte[]> completed = record(new CourseCompleted("f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b", MAY,
                "BMM-2019-05", "BMM", "Best Practices in Migration Management", 40, LocalDate.parse("2019-05-13"),
                LocalDate.parse("2019-05-18"), "Belmopan", PASCASCIO, "Constant Pascascio", "POLICE", 40, 40, 1.0,
                "attendance-80-all-assessments-v1", AT));

        assertThat(routes(completed)).containsExactly(new Route("partner.POLICE.enrollment", MAY));
    }

    @Test
    void aCertificateGoesToTheOfficialsInstitutionsFeedUnderTheParticipantKey() {
        ConsumerRecord<String, byte[]> issued = record(new CertificateIssued("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "AULA-2019-000001", "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b", PASCASCIO, "Constant Pascascio", "POLICE",
                "BMM", "Best Practices in Migration Management", 40, MAY, "BMM-2019-05", LocalDate.parse("2019-05-13"),
                LocalDate.parse("2019-05-18"), AT, "https://aula.example.org/certificates/AULA-2019-000001"));

        assertThat(routes(issued)).containsExactly(new Route("partner.POLICE.enrollment", PASCASCIO));
    }

    @Test
    void aRevocationNamesNoInstitutionAndGoesToTheFeedOfTheInstitutionThatNominatedTheOfficial() {
        ConsumerRecord<String, byte[]> revoked = record(new CertificateRevoked("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "AULA-2019-000001", PASCASCIO, "BMM", MAY, "BMM-2019-05", "issued in error", AT));
        ConsumerRecord<String, byte[]> unknown = record(new CertificateRevoked("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "AULA-2019-000001", "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "BMM", MAY, "BMM-2019-05", "issued in error", AT));

        assertThat(routes(revoked)).containsExactly(new Route("partner.POLICE.enrollment", PASCASCIO));
        assertThat(routes(unknown)).isEmpty();
    }

    private static List<Route> routes(ConsumerRecord<String, byte[]> record) {
        return PartnerFeedListener.routes(record, DIRECTORY);
    }

    private static ConsumerRecord<String, byte[]> record(AulaEvent event) {
        ProducerRecord<String, byte[]> published = CloudEventRecords.of(event, UUID.randomUUID(), "/aula/enrollment-service", AT);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(published.topic(), 0, 0, published.key(), published.value());
        published.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
