package org.aula.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.aula.events.AulaEvent;
import org.aula.events.CohortFilled;
import org.aula.events.EnrolmentCountsChanged;
import org.aula.events.ParticipantEnrolled;
import org.aula.events.ParticipantErased;
import org.aula.events.SeatOffered;
import org.aula.events.runtime.CloudEventRecords;
import org.aula.enrollment.messaging.PartnerFeedListener.Route;
import org.junit.jupiter.api.Test;

/** Which partner feeds a record of {@code enrollment.events} is copied to, and under which key. */
class PartnerFeedRoutesTest {

    private static final String MAY = "5b0e6a3c-1f7d-4c2a-9e84-3d1b2a7c9f01";
    private static final String JUNE = "8f4d2c6a-3b1e-4a97-8d05-e7c9b2a1f6d3";
    private static final Instant AT = Instant.parse("2019-05-02T11:58:03Z");

    @Test
    void anEventAboutANomineeGoesToTheirInstitutionsFeedUnderTheSameKey() {
        ConsumerRecord<String, byte[]> enrolled = record(new ParticipantEnrolled("e2d9f4a1-6b3c-4e8d-a7f0-9c5b1d3e2a64", MAY,
                "BMM-2019-05", "BMM", "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7", "Constant Pascascio", "POLICE", 2, 2, 25, false, AT));

        assertThat(PartnerFeedListener.routes(enrolled)).containsExactly(new Route("partner.POLICE.enrollment", MAY));
    }

    @Test
    void aSeatOfferGoesToTheFeedOfTheOfficialsInstitutionKeyedByTheOfferingCohort() {
        ConsumerRecord<String, byte[]> offered = record(new SeatOffered("2c7e5a9d-1f3b-4d68-b0a2-94e6c8d1f5b7", JUNE,
                "BMM-2019-06A", MAY, "BMM-2019-05", "BMM", "9a3e7c15-2d4f-4b86-a0e9-5c8d1f2b7e43", "Tanya Núñez", "MHD", AT,
                AT.plusSeconds(3600)));

        assertThat(PartnerFeedListener.routes(offered)).containsExactly(new Route("partner.MHD.enrollment", JUNE));
    }

    @Test
    void countsGoToTheInstitutionsFeedAndToTheAggregateFeedKeyedByCohortAndInstitution() {
        ConsumerRecord<String, byte[]> counts = record(new EnrolmentCountsChanged(MAY, "BMM-2019-05", "BMM", "MFA", 7, 1, 0, 25, AT));

        assertThat(PartnerFeedListener.routes(counts)).containsExactly(new Route("partner.MFA.enrollment", MAY),
                new Route("partner.aggregate.enrollment", MAY + ":MFA"));
    }

    @Test
    void anErasureGoesToTheFeedOfEveryInstitutionItNamesKeyedByTheParticipant() {
        String participant = "c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7";
        ConsumerRecord<String, byte[]> erased = record(new ParticipantErased(participant, AT, List.of("MFA", "POLICE")));

        assertThat(PartnerFeedListener.routes(erased)).containsExactly(new Route("partner.MFA.enrollment", participant),
                new Route("partner.POLICE.enrollment", participant));
    }

    @Test
    void anErasureThatConcernedNoPartnerFeedGoesNowhere() {
        assertThat(PartnerFeedListener.routes(record(new ParticipantErased("c7a41e52-8d0b-4f6e-b3a9-61f2e0d4c8a7", AT))))
                .isEmpty();
    }

    @Test
    void anEventAboutNoInstitutionGoesNowhere() {
        ConsumerRecord<String, byte[]> filled = record(new CohortFilled(MAY, "BMM-2019-05", "BMM", 25, 1, AT));

        assertThat(PartnerFeedListener.routes(filled)).isEmpty();
    }

    @Test
    void aValueThatIsNotAJsonObjectOrAnInstitutionCodeThatCannotNameATopicGoesNowhere() {
        assertThat(PartnerFeedListener.routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "not json".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(PartnerFeedListener.routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "{\"institutionCode\":\"a.b\"}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(PartnerFeedListener.routes(new ConsumerRecord<>("enrollment.events", 0, 0, MAY,
                "{\"institutionCode\":7}".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> record(AulaEvent event) {
        ProducerRecord<String, byte[]> published = CloudEventRecords.of(event, UUID.randomUUID(), "/aula/enrollment-service", AT);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(published.topic(), 0, 0, published.key(), published.value());
        published.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
