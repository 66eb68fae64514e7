package org.aula.events.runtime.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Declares in every service's OpenAPI document how to authenticate: a bearer JWT scheme, required by each
 * operation that is not public, with the roles that operation allows (read from its {@code @PreAuthorize} by
 * {@link DeclaredRoles}) in the requirement's scopes and in {@code x-aula-roles}. Generated clients and API
 * consoles can then send a token, and a reader sees who may call what without reading the code.
 */
final class OpenApiSecurity implements OpenApiCustomizer {

    /** The name of the scheme in {@code components.securitySchemes}. */
    static final String SCHEME = "bearer";

    private final RequestMappingHandlerMapping handlerMapping;
    private final List<PathPattern> publicPaths;

    OpenApiSecurity(RequestMappingHandlerMapping handlerMapping, List<String> publicPaths) {
        this.handlerMapping = handlerMapping;
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("A JWT from the organisation's identity provider; its `roles` claim decides what it may call "
                        + "(operations, coordinator, facilitator, partner; a partner also needs its `institution` claim)."));
        openApi.setComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        Map<String, Set<Role>> declared = DeclaredRoles.of(handlerMapping).byOperation();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (isPublic(path)) {
                operation.setSecurity(List.of());
                return;
            }
            Set<Role> roles = declared.get(method.name() + " " + path);
            List<String> claims = roles == null ? List.of()
                    : new TreeSet<>(roles.stream().map(Role::claimValue).toList()).stream().toList();
            operation.setSecurity(List.of(new SecurityRequirement().addList(SCHEME, claims)));
            operation.addExtension("x-aula-roles", claims);
        }));
    }

    private boolean isPublic(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return publicPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }
}
