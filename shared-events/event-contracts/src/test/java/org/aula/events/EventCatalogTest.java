package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog is the contract's table of contents: names, topics and keys must be consistent with the records. */
class EventCatalogTest {

    // org.aula.<service>.<noun>.<verb>.v<major>; nouns and verbs may be kebab-case (delivery-plan.published,
    // course.not-completed): lower-case words joined by single hyphens, no leading, trailing or doubled hyphen.
    private static final String WORD = "[a-z]+(?:-[a-z]+)*";
    private static final Pattern TYPE_NAME = Pattern.compile(
            "org\\.aula\\.(?<service>[a-z]+)\\." + WORD + "\\." + WORD + "\\.v(?<major>[1-9][0-9]*)");

    @Test
    void typeNamesAreUnique() {
        List<String> types = Arrays.stream(EventCatalog.values()).map(EventCatalog::type).toList();

        assertThat(types).doesNotHaveDuplicates();
    }

    @Test
    void eachPayloadRecordBelongsToOneType() {
        List<Class<? extends AulaEvent>> payloads = Arrays.stream(EventCatalog.values()).map(EventCatalog::payloadType).toList();

        assertThat(payloads).doesNotHaveDuplicates();
    }

    @Test
    void everyEventRecordIsCatalogued() {
        // AulaEvent is sealed: a record added to `permits` but not to the catalog would have no type, topic or schema.
        assertThat(AulaEvent.class.getPermittedSubclasses())
                .containsExactlyInAnyOrder(Arrays.stream(EventCatalog.values()).map(EventCatalog::payloadType).toArray(Class[]::new));
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void typeNameIsReverseDnsWithTheMajorVersionLast(EventCatalog entry) {
        assertThat(entry.type()).matches(TYPE_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.aula.session.delivery-plan.published.v1", "org.aula.enrollment.cohort.status-changed.v1",
            "org.aula.session.course.not-completed.v1", "org.aula.session.cohort.delivery-closed.v1",
            "org.aula.enrollment.participant.enrolled.v12"})
    void theTypeNamePatternAcceptsKebabCaseNounsAndVerbs(String type) {
        assertThat(type).matches(TYPE_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.aula.session.course.not-.v1", "org.aula.session.course.-completed.v1",
            "org.aula.session.course.not--completed.v1", "org.aula.session.course.not_completed.v1",
            "org.aula.session.course.notCompleted.v1", "org.aula.session-service.course.completed.v1",
            "org.aula.session.course.completed", "org.aula.session.course.completed.v0",
            "org.aula.session.course.completed.V1", "org.aula.session.completed.v1"})
    void theTypeNamePatternRejectsMalformedNames(String type) {
        assertThat(type).doesNotMatch(TYPE_NAME);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void aTypeIsPublishedOnItsServicesTopic(EventCatalog entry) {
        Matcher name = TYPE_NAME.matcher(entry.type());
        assertThat(name.matches()).isTrue();

        assertThat(entry.topic()).isEqualTo(name.group("service") + ".events")
                .isIn(Topics.ENROLLMENT, Topics.SESSION, Topics.CERTIFICATION);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void theKeyFieldIsARecordComponentHoldingTheKey(EventCatalog entry) throws Exception {
        AulaEvent sample = SampleEvents.of(entry);
        RecordComponent keyComponent = Arrays.stream(entry.payloadType().getRecordComponents())
                .filter(component -> component.getName().equals(entry.keyField()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(entry.payloadType().getSimpleName() + " has no component " + entry.keyField()));

        assertThat(keyComponent.getType()).isEqualTo(String.class);
        assertThat(keyComponent.getAccessor().invoke(sample)).isEqualTo(sample.key()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void typeNameAndRecordAreFoundFromEachOther(EventCatalog entry) {
        assertThat(EventCatalog.ofType(entry.type())).contains(entry);
        assertThat(EventCatalog.of(entry.payloadType())).isEqualTo(entry);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void schemaLocationAndDataSchemaAreDerivedFromTheTypeName(EventCatalog entry) {
        assertThat(entry.schemaResource()).isEqualTo("schemas/" + entry.type() + ".json");
        assertThat(entry.dataSchema()).isEqualTo("urn:aula:schema:" + entry.type());
        assertThat(entry.description()).isNotBlank();
    }

    @Test
    void anUnknownTypeIsNotAnAulaType() {
        assertThat(EventCatalog.ofType("org.aula.enrollment.cohort.cancelled.v1")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.of(String.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deadLettersGoToTheTopicWithTheDltSuffix() {
        assertThat(Topics.deadLetterOf(Topics.ENROLLMENT)).isEqualTo("enrollment.events-dlt");
    }
}
