package org.aula.console;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are and how the identity provider names roles and institutions.
 *
 * @param enrollmentUrl    enrollment-service's base URL ({@code ENROLLMENT_URL})
 * @param sessionUrl       session-service's base URL ({@code SESSION_URL})
 * @param certificationUrl certification-service's base URL ({@code CERTIFICATION_URL})
 * @param registrationId   the OAuth2 client registration whose access token the console passes on
 * @param rolesClaim       the ID token / user info claim listing Aula roles ({@code coordinator}, ...)
 * @param institutionClaim the claim naming a partner's institution code
 */
@ConfigurationProperties("aula.console")
public record ConsoleProperties(
        @DefaultValue("http://localhost:8081") URI enrollmentUrl,
        @DefaultValue("http://localhost:8082") URI sessionUrl,
        @DefaultValue("http://localhost:8083") URI certificationUrl,
        @DefaultValue("aula") String registrationId,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("institution") String institutionClaim) {
}
