package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What producers write validates against the checked-in schemas, and the schemas reject what they should. */
class SchemaValidationTest {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<AulaEvent> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleValidatesAgainstItsSchema(AulaEvent sample) {
        assertThat(errors(sample.catalogEntry(), json(sample))).isEmpty();
    }

    @Test
    void anEventMissingARequiredFieldIsRejected() {
        ObjectNode enrolled = json(SampleEvents.participantEnrolled());
        enrolled.remove("cohortId");

        assertThat(errors(EventCatalog.PARTICIPANT_ENROLLED, enrolled))
                .extracting(SchemaValidationTest::describe).anySatisfy(error -> assertThat(error).contains("cohortId"));
    }

    @Test
    void aFieldOfTheWrongTypeIsRejected() {
        ObjectNode scheduled = json(SampleEvents.cohortScheduled());
        scheduled.put("capacity", "twenty-five");

        assertThat(errors(EventCatalog.COHORT_SCHEDULED, scheduled))
                .extracting(SchemaValidationTest::describe).anySatisfy(error -> assertThat(error).contains("capacity", "integer expected"));
    }

    @Test
    void aDateWrittenAsANumberIsRejected() {
        ObjectNode scheduled = json(SampleEvents.cohortScheduled());
        scheduled.put("startDate", 1557705600L);

        assertThat(errors(EventCatalog.COHORT_SCHEDULED, scheduled)).isNotEmpty();
    }

    @Test
    void aDateThatIsNotIsoIsRejected() {
        ObjectNode scheduled = json(SampleEvents.cohortScheduled());
        scheduled.put("startDate", "13/05/2019");

        assertThat(errors(EventCatalog.COHORT_SCHEDULED, scheduled)).isNotEmpty();
    }

    @Test
    void anInstantWithoutAZoneIsRejected() {
        ObjectNode completed = json(SampleEvents.courseCompleted());
        completed.put("decidedAt", "2019-05-18T22:15:00");

        assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).isNotEmpty();
    }

    @Test
    void nullInAFieldThatIsAlwaysPresentIsRejected() {
        ObjectNode filled = json(SampleEvents.cohortFilled());
        filled.putNull("cohortCode");

        assertThat(errors(EventCatalog.COHORT_FILLED, filled)).isNotEmpty();
    }

    @Test
    void aNullableFieldMayBeNullOrAbsent() {
        ObjectNode withdrawn = json(SampleEvents.participantWithdrawnFromWaitlist());
        assertThat(errors(EventCatalog.PARTICIPANT_WITHDRAWN, withdrawn)).isEmpty();

        withdrawn.remove("freedSeatNumber");
        assertThat(errors(EventCatalog.PARTICIPANT_WITHDRAWN, withdrawn)).isEmpty();
    }

    @Test
    void fieldsAddedByALaterMinorVersionAreAccepted() {
        ObjectNode issued = json(SampleEvents.certificateIssued());
        issued.put("openBadgeCredentialUrl", "https://aula.example.org/badges/d1f7a9c3.json");

        assertThat(errors(EventCatalog.CERTIFICATE_ISSUED, issued)).isEmpty();
    }

    @Test
    void aListMayBeAbsentButNeverNull() {
        ObjectNode plan = json(SampleEvents.deliveryPlanPublished());
        plan.remove("sessions");
        assertThat(errors(EventCatalog.DELIVERY_PLAN_PUBLISHED, plan)).isEmpty();

        plan.putNull("sessions");
        assertThat(errors(EventCatalog.DELIVERY_PLAN_PUBLISHED, plan)).isNotEmpty();
    }

    @Test
    void aRevisionCarriesTheCertificateFactsWhichOldEventsLackButNeverAsNull() {
        ObjectNode revised = json(SampleEvents.completionRevised());
        assertThat(errors(EventCatalog.COMPLETION_REVISED, revised)).isEmpty();

        List<String> added = List.of("participantName", "courseTitle", "courseHours", "startDate", "endDate");
        ObjectNode before13 = revised.deepCopy();
        before13.remove(added);
        assertThat(errors(EventCatalog.COMPLETION_REVISED, before13)).as("an event written before 1.3").isEmpty();

        for (String field : added) {
            ObjectNode withNull = revised.deepCopy();
            withNull.putNull(field);
            assertThat(errors(EventCatalog.COMPLETION_REVISED, withNull)).as(field + " null").isNotEmpty();
        }
        revised.put("startDate", "13/05/2019");
        assertThat(errors(EventCatalog.COMPLETION_REVISED, revised)).as("not an ISO date").isNotEmpty();
    }

    @Test
    void anExactDecimalIsAPlainDecimalStringThatOldEventsLack() {
        ObjectNode completed = json(SampleEvents.courseCompleted());
        completed.put("hoursAttendedExact", "31.9999999999999999");
        assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).isEmpty();

        completed.remove(List.of("hoursAttendedExact", "hoursScheduledExact", "attendanceRateExact"));
        assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).as("an event written before 1.2").isEmpty();

        for (String notPlain : List.of("3.2e1", "-1", "31.", ".5", "32,5", " 32")) {
            completed.put("hoursAttendedExact", notPlain);
            assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).as(notPlain)
                    .extracting(SchemaValidationTest::describe)
                    .anySatisfy(error -> assertThat(error).contains("hoursAttendedExact"));
        }
        completed.put("hoursAttendedExact", 31.99);
        assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).as("a number").isNotEmpty();
        completed.putNull("hoursAttendedExact");
        assertThat(errors(EventCatalog.COURSE_COMPLETED, completed)).as("null").isNotEmpty();
    }

    @Test
    void anEmptyListIsValid() {
        ObjectNode programme = json(SampleEvents.programmeDefined());
        programme.putArray("requiredCourseCodes");

        assertThat(errors(EventCatalog.PROGRAMME_DEFINED, programme)).isEmpty();
    }

    @Test
    void anItemOfTheWrongTypeIsRejected() {
        ObjectNode programme = json(SampleEvents.programmeDefined());
        programme.putArray("requiredCourseCodes").add("BMM").add(42);

        assertThat(errors(EventCatalog.PROGRAMME_DEFINED, programme))
                .extracting(SchemaValidationTest::describe)
                .anySatisfy(error -> assertThat(error).contains("requiredCourseCodes/1", "string expected"));
    }

    @Test
    void aNestedRecordMissingARequiredFieldIsRejected() {
        ObjectNode plan = json(SampleEvents.deliveryPlanPublished());
        ((ObjectNode) plan.get("sessions").get(0)).remove("date");

        assertThat(errors(EventCatalog.DELIVERY_PLAN_PUBLISHED, plan))
                .extracting(SchemaValidationTest::describe).anySatisfy(error -> assertThat(error).contains("sessions/0", "date"));
    }

    @Test
    void aNestedRecordWithANonIsoDateOrAWrongTypeIsRejected() {
        ObjectNode plan = json(SampleEvents.deliveryPlanPublished());
        ((ObjectNode) plan.get("sessions").get(0)).put("date", "13/05/2019");
        ObjectNode notCompleted = json(SampleEvents.courseNotCompleted());
        ((ObjectNode) notCompleted.get("assessments").get(1)).put("passed", "no");

        assertThat(errors(EventCatalog.DELIVERY_PLAN_PUBLISHED, plan)).isNotEmpty();
        assertThat(errors(EventCatalog.COURSE_NOT_COMPLETED, notCompleted)).isNotEmpty();
    }

    @Test
    void aNestedRecordAcceptsFieldsAddedLater() {
        ObjectNode plan = json(SampleEvents.deliveryPlanPublished());
        ((ObjectNode) plan.get("sessions").get(0)).put("room", "Conference room B");

        assertThat(errors(EventCatalog.DELIVERY_PLAN_PUBLISHED, plan)).isEmpty();
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static ObjectNode json(AulaEvent event) {
        return ContractFiles.JSON.valueToTree(event);
    }

    private static List<Error> errors(EventCatalog entry, JsonNode data) {
        Schema schema = REGISTRY.getSchema(ContractFiles.currentSchema(entry));
        // 2020-12 treats "format" as an annotation only; asserting it is what catches "13/05/2019" as a date.
        return schema.validate(data, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }
}
