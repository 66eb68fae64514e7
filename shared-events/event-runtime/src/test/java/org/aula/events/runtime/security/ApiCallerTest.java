package org.aula.events.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The request-level rule in front of every operation's own: a scrape token reads no business data,
 * and a token holding only read-only roles (reporting) never writes, whatever the operation's rule.
 */
class ApiCallerTest {

    @Test
    void aReportingTokenReadsButNeverWrites() {
        for (String method : new String[] {"GET", "HEAD"}) {
            assertThat(granted(method, Role.REPORTING)).as(method).isTrue();
        }
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(granted(method, Role.REPORTING)).as(method).isFalse();
            assertThat(granted(method, Role.REPORTING, Role.METRICS)).as(method + " with metrics too").isFalse();
        }
    }

    @Test
    void theOtherRolesAreLeftToTheOperationAsBefore() {
        for (Role role : new Role[] {Role.COORDINATOR, Role.OPERATIONS, Role.FACILITATOR, Role.PARTNER}) {
            assertThat(granted("POST", role)).as(role.name()).isTrue();
            assertThat(granted("DELETE", role, Role.REPORTING)).as(role + " with reporting").isTrue();
        }
        assertThat(granted("GET", Role.METRICS)).isFalse();
        assertThat(granted("POST")).as("no Aula role: the operation decides").isTrue();
    }

    @Test
    void reportingIsNotAmongTheRolesAnOperationOpenToEveryRoleLetsIn() {
        assertThat(Role.REPORTING.isEveryRole()).isFalse();
        assertThat(Role.METRICS.isEveryRole()).isFalse();
        assertThat(Arrays.stream(Role.values()).filter(Role::isEveryRole))
                .containsExactlyInAnyOrder(Role.OPERATIONS, Role.COORDINATOR, Role.FACILITATOR, Role.PARTNER);
        assertThat(Role.fromClaim("reporting")).contains(Role.REPORTING);
    }

    private static boolean granted(String method, Role... roles) {
        String[] authorities = Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
        TestingAuthenticationToken caller = new TestingAuthenticationToken("donor", "n/a", authorities);
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/reports/completions");
        AuthorizationResult result = AulaSecurityAutoConfiguration.FilterChainConfiguration.apiCaller()
                .authorize(() -> caller, new RequestAuthorizationContext(request));
        return result != null && result.isGranted();
    }
}
