package org.aula.console.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The Aula roles a person signs in with, as the services know them (event-runtime's {@code Role}):
 * lower case in the token's claim, {@code ROLE_...} as a Spring Security authority.
 */
public enum StaffRole {

    OPERATIONS,
    COORDINATOR,
    FACILITATOR,
    PARTNER;

    /** {@code ROLE_COORDINATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named by a claim value, ignoring case; empty for a role the console does not use. */
    public static Optional<StaffRole> fromClaim(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        for (StaffRole role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
