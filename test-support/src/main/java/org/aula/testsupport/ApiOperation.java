package org.aula.testsupport;

import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, its {@code $ref}s resolved: the method, the path
 * template, its parameters and the JSON schema of its request body ({@code null} if it takes none).
 */
public record ApiOperation(String method, String path, String operationId, List<Parameter> parameters,
        JsonNode requestBodySchema, boolean requestBodyRequired) {

    public ApiOperation {
        method = method.toUpperCase(Locale.ROOT);
        parameters = List.copyOf(parameters);
    }

    /** Whether the operation takes a JSON body. */
    public boolean hasBody() {
        return requestBodySchema != null;
    }

    /** Parameters found {@code in} path, query or header. */
    public List<Parameter> parameters(String in) {
        return parameters.stream().filter(parameter -> parameter.in().equals(in)).toList();
    }

    /** {@code "POST /cohorts/{cohortId}/enrolments"}. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    /** A path, query or header parameter and its schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }
}
