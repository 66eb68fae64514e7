package org.aula.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class RolesFromClaimTest {

    private static Set<String> mapped(Map<String, Object> claims) {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60),
                new java.util.HashMap<>(Map.of("sub", "ana")) {{ putAll(claims); }});
        return SecurityConfiguration.rolesFrom("roles").mapAuthorities(List.of(new OidcUserAuthority(token)))
                .stream().map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aulaRolesInTheIdTokenBecomeRoleAuthorities() {
        assertThat(mapped(Map.of("roles", List.of("coordinator", "Facilitator")))).contains("ROLE_COORDINATOR", "ROLE_FACILITATOR");
        assertThat(mapped(Map.of("roles", "partner"))).contains("ROLE_PARTNER");
    }

    @Test
    void unknownRolesAndAMissingClaimGiveNoAulaRole() {
        assertThat(mapped(Map.of("roles", List.of("admin", "metrics")))).noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_USER")
                && !a.equals("OIDC_USER"));
        assertThat(mapped(Map.of())).noneMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_USER"));
    }
}
