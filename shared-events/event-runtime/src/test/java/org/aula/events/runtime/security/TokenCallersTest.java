package org.aula.events.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class TokenCallersTest {

    private final TokenCallers defaults = new TokenCallers("roles", "institution");

    @Test
    void rolesClaimBecomesRoleAuthoritiesAndUnknownRolesAreIgnored() {
        var authentication = defaults.convert(jwt(Map.of("roles", List.of("coordinator", "Operations", "admin"))));

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_COORDINATOR", "ROLE_OPERATIONS");
        assertThat(authentication.getName()).isEqualTo("someone");
    }

    @Test
    void aPartnersInstitutionReachesTheCaller() {
        var authentication = (CallerAuthentication) defaults.convert(jwt(Map.of("roles", List.of("partner"), "institution", "POLICE")));

        assertThat(authentication.caller().isPartner()).isTrue();
        assertThat(authentication.caller().institution()).contains("POLICE");
    }

    @Test
    void readsASpaceSeparatedStringAndANestedClaim() {
        assertThat(defaults.roles(jwt(Map.of("roles", "facilitator coordinator")))).containsExactlyInAnyOrder(Role.FACILITATOR, Role.COORDINATOR);
        assertThat(new TokenCallers("realm_access.roles", "institution")
                .roles(jwt(Map.of("realm_access", Map.of("roles", List.of("operations")))))).containsExactly(Role.OPERATIONS);
    }

    @Test
    void aTokenWithoutRolesGrantsNoAuthority() {
        assertThat(defaults.convert(jwt(Map.of("scope", "read"))).getAuthorities()).isEmpty();
        assertThat(defaults.roles(jwt(Map.of("roles", 42)))).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
