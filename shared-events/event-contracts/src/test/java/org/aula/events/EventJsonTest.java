package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    @Test
    void aRevisionWrittenBefore13ReadsWithoutTheCertificateFactsAndWritesNoNulls() {
        CompletionRevised sample = SampleEvents.completionRevised();
        CompletionRevised before13 = new CompletionRevised(sample.completionId(), sample.cohortId(), sample.cohortCode(),
                sample.courseCode(), sample.participantId(), sample.institutionCode(), sample.revision(),
                sample.previousDecision(), sample.decision(), sample.hoursAttended(), sample.hoursScheduled(),
                sample.attendanceRate(), sample.assessments(), sample.ruleVersion(), sample.reason(), sample.revisedAt(),
                sample.hoursAttendedExact(), sample.hoursScheduledExact(), sample.attendanceRateExact());

        JsonNode json = JSON.valueToTree(before13);
        assertThat(json.has("participantName")).isFalse();
        assertThat(json.has("courseHours")).isFalse();
        CompletionRevised read = JSON.readValue(JSON.writeValueAsString(before13), CompletionRevised.class);
        assertThat(read.carriesCertificateFacts()).isFalse();
        assertThat(sample.carriesCertificateFacts()).isTrue();
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

    @Test
    void everyNestedRecordToleratesUnknownProperties() {
        Set<Class<?>> nestedRecords = Arrays.stream(EventCatalog.values())
                .flatMap(entry -> listComponents(entry.payloadType()).stream())
                .map(component -> ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0])
                .filter(item -> item instanceof Class<?> itemClass && itemClass.isRecord())
                .map(item -> (Class<?>) item)
                .collect(Collectors.toSet());

        assertThat(nestedRecords).contains(PlannedSession.class, AssessmentResult.class);
        for (Class<?> nested : nestedRecords) {
            JsonIgnoreProperties annotation = nested.getAnnotation(JsonIgnoreProperties.class);

            assertThat(annotation).as("%s must be @JsonIgnoreProperties(ignoreUnknown = true)", nested).isNotNull();
            assertThat(annotation.ignoreUnknown()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aMissingOrNullListIsReadAsEmpty(AulaEvent sample) throws Exception {
        // A list is optional in the schema and absent means empty: consumers never see null.
        ObjectNode absent = JSON.valueToTree(sample);
        ObjectNode nulls = JSON.valueToTree(sample);
        for (RecordComponent component : listComponents(sample.getClass())) {
            absent.remove(component.getName());
            nulls.putNull(component.getName());
        }

        for (ObjectNode json : List.of(absent, nulls)) {
            AulaEvent read = JSON.treeToValue(json, sample.getClass());
            for (RecordComponent component : listComponents(sample.getClass())) {
                assertThat((List<?>) component.getAccessor().invoke(read)).as(component.getName()).isEmpty();
            }
        }
    }

    @Test
    void aListIsNeverWrittenAsNull() {
        ProgrammeDefined withoutCourses = new ProgrammeDefined(SampleEvents.PROGRAMME_ID, SampleEvents.PROGRAMME_CODE,
                SampleEvents.PROGRAMME_TITLE, SampleEvents.AWARDING_INSTITUTION, null, Instant.parse("2019-01-15T10:00:00Z"));

        assertThat(JSON.valueToTree(withoutCourses).get("requiredCourseCodes").isArray()).isTrue();
        assertThat(withoutCourses.requiredCourseCodes()).isEmpty();
    }

    @Test
    void nestedRecordsAreWrittenAsObjectsInTheirList() {
        JsonNode plan = JSON.valueToTree(SampleEvents.deliveryPlanPublished());
        JsonNode firstSession = plan.get("sessions").get(0);

        assertThat(plan.get("sessions")).hasSize(12);
        assertThat(firstSession.get("date").asString()).isEqualTo("2019-05-13");
        assertThat(firstSession.get("topic").asString()).isEqualTo("Human rights");
        assertThat(firstSession.propertyNames()).containsExactlyInAnyOrderElementsOf(componentNames(PlannedSession.class));
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }

    private static List<RecordComponent> listComponents(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .filter(component -> List.class.isAssignableFrom(component.getType())).toList();
    }
}
