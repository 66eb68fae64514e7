package archfixture.bad.web;

import org.springframework.security.access.prepost.PreAuthorize;

/** Violates rolesAreNamedConstants: a role string written inline. */
class InlineRoles {

    @PreAuthorize("hasRole('ADMIN')")
    void revoke() {
    }
}
