package org.aula.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads the operations out of an OpenAPI 3 document, resolving local {@code $ref}s. */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final int MAX_DEPTH = 12;

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument parse(String json) {
        JsonNode root = JsonMapper.shared().readTree(json);
        if (!root.has("paths")) {
            throw new IllegalArgumentException("not an OpenAPI document: no paths");
        }
        return new OpenApiDocument(root);
    }

    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
            JsonNode pathItem = resolve(path.getValue(), 0);
            List<ApiOperation.Parameter> shared = parameters(pathItem.path("parameters"));
            for (Map.Entry<String, JsonNode> entry : pathItem.properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, ApiOperation.Parameter> merged = new LinkedHashMap<>();
                shared.forEach(parameter -> merged.put(parameter.in() + ":" + parameter.name(), parameter));
                parameters(operation.path("parameters")).forEach(parameter -> merged.put(parameter.in() + ":" + parameter.name(), parameter));
                JsonNode body = resolve(operation.path("requestBody"), 0);
                JsonNode bodySchema = jsonSchema(body.path("content"));
                operations.add(new ApiOperation(entry.getKey(), path.getKey(), operation.path("operationId").asString(null),
                        new ArrayList<>(merged.values()), bodySchema, body.path("required").asBoolean(false)));
            }
        }
        return operations;
    }

    private List<ApiOperation.Parameter> parameters(JsonNode parameters) {
        List<ApiOperation.Parameter> result = new ArrayList<>();
        for (JsonNode node : parameters) {
            JsonNode parameter = resolve(node, 0);
            String in = parameter.path("in").asString("query");
            result.add(new ApiOperation.Parameter(parameter.path("name").asString(), in,
                    in.equals("path") || parameter.path("required").asBoolean(false),
                    inline(parameter.path("schema"), 0)));
        }
        return result;
    }

    private JsonNode jsonSchema(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> mediaType : content.properties()) {
            if (mediaType.getKey().contains("json")) {
                return inline(mediaType.getValue().path("schema"), 0);
            }
        }
        // A body of another media type: still a body, described by whatever schema it has.
        return inline(content.properties().iterator().next().getValue().path("schema"), 0);
    }

    /** A copy of {@code schema} with every {@code $ref} replaced by its target (to a bounded depth). */
    private JsonNode inline(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema, depth);
        if (!resolved.isObject() || depth > MAX_DEPTH) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        if (copy.has("properties")) {
            ObjectNode properties = (ObjectNode) copy.get("properties");
            for (String name : List.copyOf(properties.propertyNames())) {
                properties.set(name, inline(properties.get(name), depth + 1));
            }
        }
        for (String key : List.of("items", "additionalProperties", "not")) {
            if (copy.has(key) && copy.get(key).isObject()) {
                copy.set(key, inline(copy.get(key), depth + 1));
            }
        }
        for (String key : List.of("allOf", "oneOf", "anyOf")) {
            if (copy.has(key)) {
                var inlined = copy.arrayNode();
                copy.get(key).forEach(member -> inlined.add(inline(member, depth + 1)));
                copy.set(key, inlined);
            }
        }
        return copy;
    }

    private JsonNode resolve(JsonNode node, int depth) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < MAX_DEPTH; hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $refs are supported, not " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
