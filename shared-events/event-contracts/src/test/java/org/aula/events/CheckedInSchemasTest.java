package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The checked-in schemas are what the records generate: a record change without regenerated schemas fails here.
 * Run with {@code -Daula.regenerateSchemas=true} to rewrite them instead (see README.md).
 */
class CheckedInSchemasTest {

    static final String REGENERATE = "aula.regenerateSchemas";
    static final String HOW_TO_REGENERATE = """
            Regenerate them, from the repository root, with
              ./mvnw -q -o -pl shared-events/event-contracts test -Dtest=CheckedInSchemasTest -D%s=true
            (or run EventSchemaGenerator.main), review the diff, then build: the compatibility gate checks the
            change against src/test/resources/published-schemas/.""".formatted(REGENERATE);

    // Keywords that mean the same in JSON Schema draft-07 and 2020-12: AsyncAPI tools read payloads as draft-07.
    private static final Set<String> PORTABLE_KEYWORDS = Set.of(
            "$schema", "$id", "title", "description", "type", "format", "properties", "required",
            "additionalProperties", "enum", "const", "items", "pattern");

    // The records' convention: a boxed component may be null, a list may be absent (meaning empty), every other one
    // is always present.
    private static final Set<Class<?>> BOXED = Set.of(
            Integer.class, Long.class, Short.class, Double.class, Float.class, Boolean.class);

    private final EventSchemaGenerator generator = new EventSchemaGenerator();

    @Test
    void checkedInSchemasMatchTheRecords() {
        if (Boolean.getBoolean(REGENERATE)) {
            generator.writeAll(ContractFiles.MODULE);
        }
        List<String> stale = new ArrayList<>();
        for (EventCatalog entry : EventCatalog.values()) {
            Path file = EventSchemaGenerator.checkedInFile(ContractFiles.MODULE, entry);
            JsonNode generated = generator.schemaOf(entry);
            if (!Files.exists(file)) {
                stale.add(file + " is missing");
            } else if (!ContractFiles.JSON.readTree(file.toFile()).equals(generated)) {
                stale.add(file + " differs from what " + entry.payloadType().getSimpleName() + " generates");
            }
        }

        assertThat(stale).as("checked-in schemas out of date:%n  %s%n%s", String.join("\n  ", stale), HOW_TO_REGENERATE)
                .isEmpty();
    }

    @Test
    void everyCheckedInSchemaBelongsToACatalogType() {
        Set<String> catalogued = new TreeSet<>(Arrays.stream(EventCatalog.values()).map(EventCatalog::type).toList());

        assertThat(ContractFiles.schemasIn(ContractFiles.SCHEMAS).keySet())
                .as("a schema file without a catalog entry is a leftover: delete it (a removed type stays published)")
                .isSubsetOf(catalogued);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void aSchemaNamesItsTypeAndStaysOpenToAdditions(EventCatalog entry) {
        JsonNode schema = ContractFiles.currentSchema(entry);

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(entry.dataSchema());
        assertThat(schema.get("title").asString()).isEqualTo(entry.payloadType().getSimpleName());
        assertThat(schema.get("description").asString()).startsWith(entry.description());
        assertThat(schema.get("type").asString()).isEqualTo("object");
        assertThat(schema.get("additionalProperties").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void everyRecordComponentIsAPropertyAndOnlyNullableOnesAndListsAreOptional(EventCatalog entry) {
        assertComponentsMatch(entry.payloadType(), ContractFiles.currentSchema(entry));
    }

    // Also the records nested in lists (PlannedSession, AssessmentResult): their schemas are inlined as the items.
    private static void assertComponentsMatch(Class<?> record, JsonNode schema) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));

        for (RecordComponent component : record.getRecordComponents()) {
            String name = record.getSimpleName() + "." + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            assertThat(property).as("%s in the schema", name).isNotNull();
            boolean list = List.class.isAssignableFrom(component.getType());
            ExactDecimal exact = component.getAnnotation(ExactDecimal.class);
            AddedInMinor added = component.getAnnotation(AddedInMinor.class);
            boolean optional = BOXED.contains(component.getType()) || list || exact != null || added != null;
            assertThat(required.contains(component.getName())).as("%s required", name).isEqualTo(!optional);
            if (exact != null) {
                // Optional, but never null: a plain decimal string beside the number it states exactly.
                assertThat(component.getType()).as("%s type", name).isEqualTo(String.class);
                assertThat(schema.get("properties").get(exact.value())).as("%s states %s", name, exact.value()).isNotNull();
                assertThat(property).as("%s", name).isEqualTo(ContractFiles.JSON.createObjectNode()
                        .put("description", EventSchemaGenerator.exactDecimalDescription(exact))
                        .put("type", "string").put("pattern", ExactDecimal.PATTERN));
            }
            if (added != null) {
                // Optional, but never null: its own type, no "null".
                assertThat(property.get("description").asString()).as("%s description", name)
                        .isEqualTo(EventSchemaGenerator.addedInMinorDescription(added));
                assertThat(property.get("type").isString()).as("%s type is one type, not nullable", name).isTrue();
                assertThat(component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class))
                        .as("%s written only when present", name).isNotNull();
            }
            if (list) {
                // Optional, but never null: absent means empty.
                assertThat(property.get("type").asString()).as("%s type", name).isEqualTo("array");
                assertThat(property.get("description").asString()).as("%s description", name)
                        .isEqualTo(EventSchemaGenerator.ABSENT_MEANS_EMPTY);
                Type item = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (item instanceof Class<?> itemClass && itemClass.isRecord()) {
                    JsonNode items = property.get("items");
                    assertThat(items.get("type").asString()).as("%s items", name).isEqualTo("object");
                    assertThat(items.get("title").asString()).as("%s items", name).isEqualTo(itemClass.getSimpleName());
                    assertThat(items.get("additionalProperties").asBoolean()).as("%s items open", name).isTrue();
                    assertComponentsMatch(itemClass, items);
                }
            }
        }
        assertThat(schema.get("properties").size()).as("%s properties", record.getSimpleName())
                .isEqualTo(record.getRecordComponents().length);
    }

    @Test
    void javaTypesMapToJsonTypesAndFormats() {
        JsonNode scheduled = ContractFiles.currentSchema(EventCatalog.COHORT_SCHEDULED).get("properties");
        JsonNode completed = ContractFiles.currentSchema(EventCatalog.COURSE_COMPLETED).get("properties");
        JsonNode enrolled = ContractFiles.currentSchema(EventCatalog.PARTICIPANT_ENROLLED).get("properties");
        JsonNode withdrawn = ContractFiles.currentSchema(EventCatalog.PARTICIPANT_WITHDRAWN).get("properties");

        assertThat(scheduled.get("cohortCode")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"string\"}"));
        assertThat(scheduled.get("startDate")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"string\",\"format\":\"date\"}"));
        assertThat(scheduled.get("capacity")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"integer\"}"));
        assertThat(completed.get("decidedAt")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"string\",\"format\":\"date-time\"}"));
        assertThat(completed.get("attendanceRate")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"number\"}"));
        assertThat(enrolled.get("promotedFromWaitlist")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"boolean\"}"));
        assertThat(withdrawn.get("freedSeatNumber")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":[\"integer\",\"null\"]}"));
    }

    @Test
    void aListIsAnOptionalArrayOfTypedItems() {
        JsonNode programme = ContractFiles.currentSchema(EventCatalog.PROGRAMME_DEFINED);
        JsonNode plan = ContractFiles.currentSchema(EventCatalog.DELIVERY_PLAN_PUBLISHED);
        JsonNode session = plan.get("properties").get("sessions").get("items");

        assertThat(programme.get("properties").get("requiredCourseCodes")).isEqualTo(ContractFiles.JSON.readTree("""
                {"description": "%s", "type": "array", "items": {"type": "string"}}"""
                .formatted(EventSchemaGenerator.ABSENT_MEANS_EMPTY)));
        assertThat(programme.get("required")).noneMatch(name -> name.asString().equals("requiredCourseCodes"));
        assertThat(session.get("properties").get("date")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"string\",\"format\":\"date\"}"));
        assertThat(session.get("properties").get("hours")).isEqualTo(ContractFiles.JSON.readTree("{\"type\":\"number\"}"));
        assertThat(session.get("required")).hasSize(PlannedSession.class.getRecordComponents().length);
    }

    @ParameterizedTest
    @EnumSource(EventCatalog.class)
    void schemasUseOnlyKeywordsThatMeanTheSameInDraft07(EventCatalog entry) {
        Set<String> used = new TreeSet<>();
        collectKeywords(ContractFiles.currentSchema(entry), used);

        assertThat(used).isSubsetOf(PORTABLE_KEYWORDS);
    }

    private static void collectKeywords(JsonNode schema, Set<String> keywords) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            keywords.add(keyword.getKey());
        }
        if (schema.has("properties")) {
            schema.get("properties").forEach(property -> collectKeywords(property, keywords));
        }
        if (schema.has("items")) {
            collectKeywords(schema.get("items"), keywords);
        }
    }
}
