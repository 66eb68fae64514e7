package org.aula.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Each kind of breaking change is caught, and additive changes pass. */
class SchemaCompatibilityTest {

    private static final String PUBLISHED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:aula:schema:org.aula.enrollment.seat.claimed.v1",
              "title": "SeatClaimed",
              "type": "object",
              "properties": {
                "cohortId": { "type": "string" },
                "seatNumber": { "type": "integer" },
                "claimedOn": { "type": "string", "format": "date" },
                "previousSeat": { "type": ["integer", "null"] },
                "channel": { "type": "string", "enum": ["WEB", "COORDINATOR"] },
                "note": { "type": "string" }
              },
              "required": ["cohortId", "seatNumber", "claimedOn", "channel"],
              "additionalProperties": true
            }
            """;

    private final ObjectNode published = (ObjectNode) ContractFiles.JSON.readTree(PUBLISHED);
    private final ObjectNode current = published.deepCopy();

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        properties().set("institutionCode", ContractFiles.JSON.readTree("{\"type\":\"string\"}"));

        assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
    }

    @Test
    void addingAnOptionalListIsCompatible() {
        properties().set("assistants", ContractFiles.JSON.readTree("""
                {"description": "Optional: absent means empty. Never null.", "type": "array", "items": {"type": "string"}}"""));

        assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
    }

    @Test
    void aListOfNestedRecordsIsComparedItemByItemSchema() {
        JsonNode sessions = ContractFiles.JSON.readTree("""
                {"type": "array", "items": {"type": "object", "title": "PlannedSession",
                  "properties": {"date": {"type": "string", "format": "date"}, "hours": {"type": "number"}},
                  "required": ["date", "hours"], "additionalProperties": true}}""");
        published.withObject("properties").set("sessions", sessions);
        properties().set("sessions", sessions.deepCopy());
        ObjectNode item = (ObjectNode) properties().get("sessions").get("items");
        item.withObject("properties").set("room", ContractFiles.JSON.readTree("{\"type\":\"string\"}"));
        item.withArray("required").add("room");
        ((ObjectNode) item.get("properties").get("hours")).put("type", "integer");

        assertThat(breaks()).containsExactlyInAnyOrder(
                "sessions[].hours: type changed from [number] to [integer]",
                "sessions[].room: became required (a new property must be optional)");
    }

    @Test
    void addingAnEnumValueOrRewordingIsCompatible() {
        ((ArrayNode) properties().get("channel").get("enum")).add("PARTNER_FEED");
        current.put("description", "A seat was claimed; now with a description.");

        assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
    }

    @Test
    void removingAPropertyBreaks() {
        properties().remove("note");

        assertThat(breaks()).containsExactly("note: property removed");
    }

    @Test
    void changingAPropertysTypeBreaks() {
        properties().set("seatNumber", ContractFiles.JSON.readTree("{\"type\":\"string\"}"));

        assertThat(breaks()).containsExactly("seatNumber: type changed from [integer] to [string]");
    }

    @Test
    void narrowingAPropertysTypeBreaks() {
        properties().set("previousSeat", ContractFiles.JSON.readTree("{\"type\":\"integer\"}"));

        assertThat(breaks()).containsExactly("previousSeat: type narrowed from [integer, null] to [integer]");
    }

    @Test
    void makingAPropertyNullableBreaks() {
        properties().set("seatNumber", ContractFiles.JSON.readTree("{\"type\":[\"integer\",\"null\"]}"));

        assertThat(breaks()).containsExactly("seatNumber: type widened from [integer] to [integer, null]");
    }

    @Test
    void changingAFormatBreaks() {
        properties().set("claimedOn", ContractFiles.JSON.readTree("{\"type\":\"string\",\"format\":\"date-time\"}"));

        assertThat(breaks()).containsExactly("claimedOn: format changed from date to date-time");
    }

    @Test
    void addingAnOptionalPropertyWithAPatternIsCompatible() {
        properties().set("hoursExact", ContractFiles.JSON.readTree("{\"type\":\"string\",\"pattern\":\"^[0-9]+$\"}"));

        assertThat(breaks()).isEmpty();
    }

    @Test
    void restrictingOrChangingAPatternBreaks() {
        properties().set("note", ContractFiles.JSON.readTree("{\"type\":\"string\",\"pattern\":\"^[0-9]+$\"}"));

        assertThat(breaks()).containsExactly("note: pattern changed from null to ^[0-9]+$");
    }

    @Test
    void makingAnOptionalPropertyRequiredBreaks() {
        ((ArrayNode) current.get("required")).add("note");

        assertThat(breaks()).containsExactly("note: became required");
    }

    @Test
    void addingARequiredPropertyBreaks() {
        properties().set("institutionCode", ContractFiles.JSON.readTree("{\"type\":\"string\"}"));
        ((ArrayNode) current.get("required")).add("institutionCode");

        assertThat(breaks()).containsExactly("institutionCode: became required (a new property must be optional)");
    }

    @Test
    void makingARequiredPropertyOptionalBreaks() {
        ArrayNode required = (ArrayNode) current.get("required");
        required.removeAll();
        required.add("cohortId").add("seatNumber").add("claimedOn");

        assertThat(breaks()).containsExactly("channel: no longer required; consumers rely on it being present");
    }

    @Test
    void anEnumLosingAValueBreaks() {
        ArrayNode channels = (ArrayNode) properties().get("channel").get("enum");
        channels.removeAll();
        channels.add("WEB");

        assertThat(breaks()).containsExactly("channel: enum lost the values [\"COORDINATOR\"]");
    }

    @Test
    void restrictingAFreePropertyToAnEnumBreaks() {
        ((ObjectNode) properties().get("note")).set("enum", ContractFiles.JSON.readTree("[\"late\"]"));

        assertThat(breaks()).containsExactly("note: now restricted to the values [\"late\"]");
    }

    @Test
    void closingAdditionalPropertiesBreaks() {
        current.put("additionalProperties", false);

        assertThat(breaks()).containsExactly(
                "(root): additionalProperties closed; consumers and old events may carry more fields");
    }

    @Test
    void anAbsentAdditionalPropertiesCountsAsOpen() {
        published.remove("additionalProperties");

        assertThat(SchemaCompatibility.breakingChanges(published, current)).isEmpty();
    }

    @Test
    void changingTheIdBreaks() {
        current.put("$id", "urn:aula:schema:org.aula.enrollment.seat.claimed.v2");

        assertThat(breaks()).singleElement().asString().startsWith("$id changed");
    }

    @Test
    void everyBreakingChangeIsReported() {
        properties().remove("note");
        current.put("additionalProperties", false);

        assertThat(breaks()).hasSize(2);
    }

    @Test
    void nestedObjectsAreComparedToo() {
        JsonNode nested = ContractFiles.JSON.readTree("""
                {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]}""");
        properties().set("institution", nested);
        published.withObject("properties").set("institution", nested.deepCopy());
        ((ObjectNode) properties().get("institution")).withObject("properties").remove("code");

        assertThat(breaks()).contains("institution.code: property removed");
    }

    private ObjectNode properties() {
        return (ObjectNode) current.get("properties");
    }

    private List<String> breaks() {
        return SchemaCompatibility.breakingChanges(published, current);
    }
}
