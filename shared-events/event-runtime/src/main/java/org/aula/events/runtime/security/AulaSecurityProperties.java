package org.aula.events.runtime.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Operator knobs of Aula's web security ({@code aula.security.*}). Where the token keys come from
 * is Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} (public-key-location,
 * jwk-set-uri or issuer-uri).
 *
 * @param enabled          Aula's filter chain (false leaves Spring Boot's defaults, which are not open either)
 * @param publicPaths      path patterns anyone may call without a token, e.g. {@code /certificates/*}{@code /verification},
 *                         {@code /status-lists/**}; health and (by default) the OpenAPI document are public anyway
 * @param publicApiDocs    whether the OpenAPI document ({@code springdoc.api-docs.path}, default {@code /v3/api-docs}) is public
 * @param maxRequestBytes  largest request body accepted, declared or chunked; larger ones get 413 (0 turns the limit off)
 * @param rolesClaim       the claim holding the roles; a dotted name reaches into nested claims ({@code realm_access.roles})
 * @param institutionClaim the claim holding a partner's institution code
 */
@ConfigurationProperties("aula.security")
public record AulaSecurityProperties(
        @DefaultValue("true") boolean enabled,
        List<String> publicPaths,
        @DefaultValue("true") boolean publicApiDocs,
        @DefaultValue("1MB") DataSize maxRequestBytes,
        @DefaultValue(DEFAULT_ROLES_CLAIM) String rolesClaim,
        @DefaultValue(DEFAULT_INSTITUTION_CLAIM) String institutionClaim) {

    /** The claim the local issuer writes the roles to. */
    public static final String DEFAULT_ROLES_CLAIM = "roles";
    /** The claim the local issuer writes a partner's institution to. */
    public static final String DEFAULT_INSTITUTION_CLAIM = "institution";

    public AulaSecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
