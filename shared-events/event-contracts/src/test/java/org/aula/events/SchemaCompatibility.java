package org.aula.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Lists the changes between a type's last published JSON Schema and its current one that would break someone.
 *
 * <p>Both directions matter on a log like Kafka: consumers written against the published schema read new events
 * (so nothing they rely on may be removed, become optional or change type), and consumers with the new schema re-read old events
 * on replay (so nothing may become required, narrower or closed). What passes is additive: new optional
 * properties, new enum values (consumers must tolerate unknown values as they tolerate unknown fields),
 * descriptions and titles. Anything else is a new major version, published side by side.
 */
final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code published} to {@code current}; empty when the change is compatible. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        List<String> violations = new ArrayList<>();
        if (!Objects.equals(text(published, "$id"), text(current, "$id"))) {
            violations.add("$id changed from " + text(published, "$id") + " to " + text(current, "$id")
                    + ": ce_dataschema must keep resolving");
        }
        compare("(root)", published, current, violations);
        return violations;
    }

    private static void compare(String path, JsonNode published, JsonNode current, List<String> violations) {
        compareTypes(path, published, current, violations);
        compareEnums(path, published, current, violations);
        compareConst(path, published, current, violations);
        compareObjects(path, published, current, violations);
        if (published.has("items") && current.has("items")) {
            compare(path + "[]", published.get("items"), current.get("items"), violations);
        } else if (published.has("items")) {
            violations.add(path + ": item schema removed");
        }
    }

    // Any change to the set of types breaks someone: narrowing breaks replayed old events, widening (say, to
    // ["integer","null"]) hands consumers values they were promised never to see.
    private static void compareTypes(String path, JsonNode published, JsonNode current, List<String> violations) {
        Set<String> before = types(published);
        Set<String> after = types(current);
        if (!before.equals(after)) {
            String how = after.containsAll(before) ? "widened" : before.containsAll(after) ? "narrowed" : "changed";
            violations.add(path + ": type " + how + " from " + before + " to " + after);
        }
        String formatBefore = text(published, "format");
        String formatAfter = text(current, "format");
        if (!Objects.equals(formatBefore, formatAfter)) {
            violations.add(path + ": format changed from " + formatBefore + " to " + formatAfter);
        }
        // A pattern restricts the values as a format does: adding, changing or dropping one breaks someone.
        String patternBefore = text(published, "pattern");
        String patternAfter = text(current, "pattern");
        if (!Objects.equals(patternBefore, patternAfter)) {
            violations.add(path + ": pattern changed from " + patternBefore + " to " + patternAfter);
        }
    }

    private static void compareEnums(String path, JsonNode published, JsonNode current, List<String> violations) {
        if (!current.has("enum")) {
            return;
        }
        if (!published.has("enum")) {
            violations.add(path + ": now restricted to the values " + current.get("enum"));
            return;
        }
        Set<JsonNode> lost = new LinkedHashSet<>();
        published.get("enum").forEach(lost::add);
        current.get("enum").forEach(lost::remove);
        if (!lost.isEmpty()) {
            violations.add(path + ": enum lost the values " + lost);
        }
    }

    private static void compareConst(String path, JsonNode published, JsonNode current, List<String> violations) {
        if (current.has("const") && !current.get("const").equals(published.get("const"))) {
            violations.add(path + ": const changed from " + published.get("const") + " to " + current.get("const"));
        }
    }

    private static void compareObjects(String path, JsonNode published, JsonNode current, List<String> violations) {
        if (isOpen(published) && !isOpen(current)) {
            violations.add(path + ": additionalProperties closed; consumers and old events may carry more fields");
        }
        JsonNode before = published.path("properties");
        JsonNode after = current.path("properties");
        for (Map.Entry<String, JsonNode> property : before.properties()) {
            String name = property.getKey();
            if (!after.has(name)) {
                violations.add(child(path, name) + ": property removed");
            } else {
                compare(child(path, name), property.getValue(), after.get(name), violations);
            }
        }
        Set<String> requiredBefore = names(published.path("required"));
        Set<String> requiredAfter = names(current.path("required"));
        for (String name : requiredAfter) {
            if (!requiredBefore.contains(name)) {
                violations.add(child(path, name) + ": became required"
                        + (before.has(name) ? "" : " (a new property must be optional)"));
            }
        }
        for (String name : requiredBefore) {
            // A removed property is already reported; an optional one is a promise withdrawn like a removal.
            if (!requiredAfter.contains(name) && after.has(name)) {
                violations.add(child(path, name) + ": no longer required; consumers rely on it being present");
            }
        }
    }

    // Absent and true are both open; false and any schema (which restricts the extra values) are not.
    private static boolean isOpen(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        return additional == null || (additional.isBoolean() && additional.asBoolean());
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asString()));
        } else {
            types.add(type.asString());
        }
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asString()));
        return names;
    }

    private static String text(JsonNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value == null ? null : value.asString();
    }

    private static String child(String path, String name) {
        return "(root)".equals(path) ? name : path + "." + name;
    }
}
