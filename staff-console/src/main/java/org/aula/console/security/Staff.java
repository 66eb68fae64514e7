package org.aula.console.security;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person as the pages need them: a display name, their roles and, for a partner
 * focal point, the institution they speak for.
 */
public record Staff(String name, Set<StaffRole> roles, @Nullable String institution) {

    /** Reads the person from Spring Security's authentication (roles from its authorities). */
    public static Staff of(Authentication authentication, String institutionClaim) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (StaffRole role : StaffRole.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        String name = authentication.getName();
        String institution = null;
        if (authentication.getPrincipal() instanceof OidcUser user) {
            name = user.getFullName() != null ? user.getFullName()
                    : user.getPreferredUsername() != null ? user.getPreferredUsername() : name;
            institution = user.getClaimAsString(institutionClaim);
        }
        return new Staff(name, Set.copyOf(roles), institution);
    }

    /** Coordinators and operations run cohorts: nominations, withdrawals, offers, certificates. */
    public boolean runsCohorts() {
        return roles.contains(StaffRole.COORDINATOR) || roles.contains(StaffRole.OPERATIONS);
    }

    public boolean facilitates() {
        return roles.contains(StaffRole.FACILITATOR);
    }

    /** Attendance may be taken by facilitators and by programme staff, as session-service allows. */
    public boolean takesAttendance() {
        return facilitates() || runsCohorts();
    }

    public boolean isPartner() {
        return roles.contains(StaffRole.PARTNER);
    }
}
