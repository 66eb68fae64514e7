package org.aula.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values that satisfy a JSON schema as far as a schema can say (type, format, enum, bounds,
 * pattern), so a request passes validation and reaches what is being probed: authorisation, or
 * the one field being made hostile.
 */
final class SampleValues {

    private static final JsonNodeFactory NODES = JsonMapper.shared().getNodeFactory();
    private static final int MAX_DEPTH = 10;
    private static final List<String> PATTERN_CANDIDATES = List.of("PROBE-1", "PROBE", "probe", "P1", "ABC-2019-05",
            "BMM-2019-05", "abc", "A", "a", "1", "X1", "probe-1", "probe_1", "ABC", "AB", "ABC123", "abc-123");

    private SampleValues() {
    }

    /** A value the schema accepts; {@code null} schema gives an empty object. */
    static JsonNode of(JsonNode schema) {
        return of(schema, 0);
    }

    /** A value for a path or query parameter, as text. */
    static String text(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isEmpty()) {
            return "probe";
        }
        JsonNode value = of(schema);
        return value.isString() ? value.asString() : value.toString();
    }

    /** Every leaf of {@code sample} with the schema that describes it: where a hostile value can go. */
    static List<Leaf> leaves(JsonNode schema, JsonNode sample) {
        List<Leaf> leaves = new ArrayList<>();
        collect(effective(schema), sample, "", leaves, 0);
        return leaves;
    }

    /** A value at a JSON pointer and the schema describing it; {@code arrayItem} if it is an array's element. */
    record Leaf(String pointer, JsonNode schema, boolean required, boolean arrayItem) {

        String type() {
            return SampleValues.type(schema);
        }

        /** The last segment of the pointer: the property name, or the array index. */
        String name() {
            return pointer.substring(pointer.lastIndexOf('/') + 1);
        }
    }

    private static void collect(JsonNode schema, JsonNode value, String pointer, List<Leaf> leaves, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (value.isObject() && !schema.path("properties").isMissingNode()) {
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                JsonNode propertySchema = effective(schema.path("properties").path(property.getKey()));
                boolean required = contains(schema.path("required"), property.getKey());
                String child = pointer + "/" + property.getKey();
                leaves.add(new Leaf(child, propertySchema, required, false));
                if (property.getValue().isContainer()) {
                    collect(propertySchema, property.getValue(), child, leaves, depth + 1);
                }
            }
        } else if (value.isArray() && !value.isEmpty()) {
            JsonNode itemSchema = effective(schema.path("items"));
            String child = pointer + "/0";
            leaves.add(new Leaf(child, itemSchema, true, true));
            if (value.get(0).isContainer()) {
                collect(itemSchema, value.get(0), child, leaves, depth + 1);
            }
        }
    }

    private static JsonNode of(JsonNode schema, int depth) {
        JsonNode effective = effective(schema);
        if (effective.has("example")) {
            return effective.get("example");
        }
        if (effective.has("examples") && effective.get("examples").isArray() && !effective.get("examples").isEmpty()) {
            return effective.get("examples").get(0);
        }
        if (effective.has("const")) {
            return effective.get("const");
        }
        if (effective.has("default") && !effective.get("default").isNull()) {
            return effective.get("default");
        }
        if (effective.has("enum") && !effective.get("enum").isEmpty()) {
            return effective.get("enum").get(0);
        }
        return switch (type(effective)) {
            case "string" -> NODES.stringNode(string(effective));
            case "integer" -> {
                long value = integer(effective);
                yield value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
            }
            case "number" -> NODES.numberNode((double) integer(effective));
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> array(effective, depth);
            default -> object(effective, depth);
        };
    }

    private static ArrayNode array(JsonNode schema, int depth) {
        ArrayNode array = NODES.arrayNode();
        if (depth < MAX_DEPTH) {
            int count = Math.max(1, schema.path("minItems").asInt(1));
            for (int i = 0; i < count; i++) {
                array.add(of(schema.path("items"), depth + 1));
            }
        }
        return array;
    }

    private static ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth < MAX_DEPTH) {
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                if (!property.getValue().path("readOnly").asBoolean(false)) {
                    object.set(property.getKey(), of(property.getValue(), depth + 1));
                }
            }
        }
        return object;
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> LocalDate.now().plusDays(30).toString();
            case "date-time" -> Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "email" -> "probe@example.org";
            case "uri", "url" -> "https://example.org/probe";
            case "byte" -> "cHJvYmU=";
            default -> matchingPattern(schema.path("pattern").asString(null));
        };
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < minLength) {
            padded.append('x');
        }
        return padded.length() > maxLength ? padded.substring(0, Math.max(maxLength, 0)) : padded.toString();
    }

    private static String matchingPattern(String pattern) {
        if (pattern == null) {
            return "probe";
        }
        try {
            Pattern compiled = Pattern.compile(pattern);
            for (String candidate : PATTERN_CANDIDATES) {
                if (compiled.matcher(candidate).find()) {
                    return candidate;
                }
            }
        } catch (PatternSyntaxException e) {
            // An ECMA pattern Java cannot compile: fall through to a plain value.
        }
        return "PROBE-1";
    }

    private static long integer(JsonNode schema) {
        long value = 1;
        if (schema.has("minimum")) {
            value = Math.max(value, (long) Math.ceil(schema.get("minimum").asDouble()));
        }
        if (schema.has("exclusiveMinimum") && schema.get("exclusiveMinimum").isNumber()) {
            value = Math.max(value, (long) Math.floor(schema.get("exclusiveMinimum").asDouble()) + 1);
        }
        if (schema.has("maximum")) {
            value = Math.min(value, (long) Math.floor(schema.get("maximum").asDouble()));
        }
        return value;
    }

    /** The schema with {@code allOf} merged and the first {@code oneOf}/{@code anyOf} chosen. */
    static JsonNode effective(JsonNode schema) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) {
            return NODES.objectNode();
        }
        JsonNode current = schema;
        for (String choice : List.of("oneOf", "anyOf")) {
            if (current.has(choice) && !current.get(choice).isEmpty()) {
                JsonNode first = current.get(choice).get(0);
                // "anyOf: [{type: null}, X]" is how nullable is sometimes written: take X.
                for (JsonNode member : current.get(choice)) {
                    if (!"null".equals(member.path("type").asString(""))) {
                        first = member;
                        break;
                    }
                }
                current = first;
            }
        }
        if (current.has("allOf") && current.isObject()) {
            ObjectNode merged = ((ObjectNode) current).deepCopy();
            merged.remove("allOf");
            ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties") : NODES.objectNode();
            ArrayNode required = merged.has("required") ? (ArrayNode) merged.get("required") : NODES.arrayNode();
            for (JsonNode member : current.get("allOf")) {
                JsonNode part = effective(member);
                part.path("properties").properties().forEach(entry -> properties.set(entry.getKey(), entry.getValue()));
                part.path("required").forEach(required::add);
                part.properties().forEach(entry -> {
                    if (!merged.has(entry.getKey()) && !entry.getKey().equals("properties") && !entry.getKey().equals("required")) {
                        merged.set(entry.getKey(), entry.getValue());
                    }
                });
            }
            if (!properties.isEmpty()) {
                merged.set("properties", properties);
            }
            if (!required.isEmpty()) {
                merged.set("required", required);
            }
            current = merged;
        }
        return current;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            // OpenAPI 3.1: ["string", "null"]
            for (JsonNode member : type) {
                if (!member.asString().equals("null")) {
                    return member.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "object";
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode member : array) {
            if (member.asString("").equals(value)) {
                return true;
            }
        }
        return false;
    }
}
