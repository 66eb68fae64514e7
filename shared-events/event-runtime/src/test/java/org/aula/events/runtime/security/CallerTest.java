package org.aula.events.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.aula.events.runtime.web.ApiProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPartnerPassesForItsOwnInstitutionOnly() {
        Caller partner = Caller.of("partner-1", Set.of(Role.PARTNER), "POLICE");

        partner.requireInstitution("POLICE");
        assertThat(partner.institutionScope()).contains("POLICE");
        assertThatThrownBy(() -> partner.requireInstitution("MINISTRY"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(problem.title()).isEqualTo("Forbidden");
                });
        assertThatThrownBy(() -> partner.requireInstitution(null)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void aPartnerWithoutInstitutionSeesNothing() {
        Caller partner = Caller.of("partner-2", Set.of(Role.PARTNER), null);

        assertThatThrownBy(() -> partner.requireInstitution("POLICE")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(partner::institutionScope).isInstanceOf(ApiProblem.class);
    }

    @Test
    void staffSeeEveryInstitutionButAPartnerRoleStillScopes() {
        Caller coordinator = Caller.of("c", Set.of(Role.COORDINATOR), null);
        coordinator.requireInstitution("MINISTRY");
        assertThat(coordinator.institutionScope()).isEmpty();

        Caller mixed = Caller.of("m", Set.of(Role.COORDINATOR, Role.PARTNER), "POLICE");
        assertThatThrownBy(() -> mixed.requireInstitution("MINISTRY")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        Caller anonymous = Caller.current();

        assertThat(anonymous.isAnonymous()).isTrue();
        assertThat(anonymous.roles()).isEmpty();
        assertThatThrownBy(() -> anonymous.requireInstitution("POLICE"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void outsideAnyRequestThereIsNoCaller() {
        assertThatThrownBy(Caller::current).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void theCallerOfAVerifiedTokenIsTheOneReadAtAuthentication() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("partner-3")
                .claim("roles", List.of("partner")).claim("institution", "UNIVERSITY")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new TokenCallers("roles", "institution").convert(jwt));

        Caller caller = Caller.current();

        assertThat(caller.subject()).isEqualTo("partner-3");
        assertThat(caller.roles()).containsExactly(Role.PARTNER);
        assertThat(caller.institution()).contains("UNIVERSITY");
    }

    @Test
    void anyOtherAuthenticationGivesItsRoleAuthorities() {
        TestingAuthenticationToken mockUser = new TestingAuthenticationToken("facilitator-1", "n/a", "ROLE_FACILITATOR", "SCOPE_x");
        SecurityContextHolder.getContext().setAuthentication(mockUser);

        assertThat(Caller.current().roles()).containsExactly(Role.FACILITATOR);
        assertThat(Caller.current().isPartner()).isFalse();
    }
}
