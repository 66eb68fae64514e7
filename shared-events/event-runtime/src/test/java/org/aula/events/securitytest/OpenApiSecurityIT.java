package org.aula.events.securitytest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells a client how to authenticate: a bearer JWT scheme, required by every operation that
 * is not public, with the roles each allows (from its {@code @PreAuthorize}); public operations need nothing.
 */
@SecuredHttp.SecuredServiceTest
class OpenApiSecurityIT {

    @LocalServerPort
    int port;

    @Test
    void everyProtectedOperationDeclaresTheBearerSchemeWithItsRoles() {
        JsonNode document = new SecuredHttp(port).get("/v3/api-docs", null).json();

        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asString()).isEqualTo("JWT");

        assertThat(roles(document, "/cohorts", "post")).containsExactly("coordinator");
        assertThat(roles(document, "/cohorts/{cohortId}", "get")).containsExactly("coordinator", "facilitator", "operations");
        assertThat(roles(document, "/institutions/{code}/enrolments", "get")).containsExactly("coordinator", "partner");
        assertThat(roles(document, "/me", "get")).as("any authenticated caller")
                .containsExactly("coordinator", "facilitator", "operations", "partner");
        JsonNode publicOperation = document.path("paths").path("/public/ping").path("get");
        assertThat(publicOperation.path("security").isArray() && publicOperation.path("security").isEmpty())
                .as("a public operation needs no token").isTrue();
        assertThat(publicOperation.has("x-aula-roles")).isFalse();
    }

    private static List<String> roles(JsonNode document, String path, String method) {
        JsonNode operation = document.path("paths").path(path).path(method);
        List<String> fromRequirement = new ArrayList<>();
        operation.path("security").path(0).path("bearer").forEach(role -> fromRequirement.add(role.asString()));
        List<String> fromExtension = new ArrayList<>();
        operation.path("x-aula-roles").forEach(role -> fromExtension.add(role.asString()));
        assertThat(fromExtension).as("x-aula-roles of %s %s", method, path).isEqualTo(fromRequirement);
        return fromRequirement;
    }
}
