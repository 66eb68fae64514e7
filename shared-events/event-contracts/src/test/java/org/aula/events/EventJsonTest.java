package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of every event (the CloudEvents data) as Jackson 3 writes and reads it, with no configuration. */
class EventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<AulaEvent> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyCatalogTypeHasASampleOfItsPayloadRecord(EventCatalog entry) {
        AulaEvent sample = SampleEvents.of(entry);

        assertThat(sample).isInstanceOf(entry.payloadType());
        assertThat(sample.catalogEntry()).isEqualTo(entry);
    }

    @Test
    void theSamplesCoverEveryCatalogType() {
        Set<EventCatalog> sampled = SampleEvents.all().stream().map(AulaEvent::catalogEntry).collect(Collectors.toSet());

        assertThat(sampled).containsExactlyInAnyOrder(EventCatalog.values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleSurvivesAJsonRoundTrip(AulaEvent sample) {
        String json = JSON.writeValueAsString(sample);

        assertThat(JSON.readValue(json, sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theJsonCarriesExactlyTheRecordComponents(AulaEvent sample) {
        JsonNode json = JSON.valueToTree(sample);

        // key() and catalogEntry() are envelope concerns (Kafka key, ce_type): they must not leak into the data.
        assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(componentNames(sample.getClass()));
    }

    @Test
    void datesAndInstantsAreIsoStringsNotNumbers() {
        JsonNode scheduled = JSON.valueToTree(SampleEvents.cohortScheduled());
        JsonNode completed = JSON.valueToTree(SampleEvents.courseCompleted());

        assertThat(scheduled.get("startDate").isString()).isTrue();
        assertThat(scheduled.get("startDate").asString()).isEqualTo("2019-05-13");
        assertThat(scheduled.get("endDate").asString()).isEqualTo("2019-05-18");
        assertThat(completed.get("decidedAt").isString()).isTrue();
        assertThat(completed.get("decidedAt").asString()).isEqualTo("2019-05-18T22:15:00Z");
    }

    @Test
    void aWithdrawalFromTheWaitlistFreesNoSeat() {
        JsonNode json = JSON.valueToTree(SampleEvents.participantWithdrawnFromWaitlist());

        assertThat(json.get("freedSeatNumber").isNull()).isTrue();
        assertThat(JSON.treeToValue(json, ParticipantWithdrawn.class).freedSeatNumber()).isNull();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aConsumerOnAnOlderVersionIgnoresFieldsAddedLater(AulaEvent sample) {
        // Jackson 2, which partners may use, fails on unknown properties by default; the records opt out themselves.
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        ObjectNode newer = JSON.valueToTree(sample);
        newer.put("fieldOfAFutureMinorVersion", "anything");

        assertThat(strict.treeToValue(newer, sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyPayloadRecordToleratesUnknownProperties(EventCatalog entry) {
        JsonIgnoreProperties annotation = entry.payloadType().getAnnotation(JsonIgnoreProperties.class);

        assertThat(annotation).as("%s must be @JsonIgnoreProperties(ignoreUnknown = true)", entry.payloadType())
                .isNotNull();
        assertThat(annotation.ignoreUnknown()).isTrue();
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
