package org.aula.events.runtime.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles an Aula caller can hold, carried in the token's {@code roles} claim in lower case
 * ({@code coordinator}) and held by Spring Security as {@code ROLE_COORDINATOR}, so controllers say
 * {@code @PreAuthorize("hasAnyRole('COORDINATOR','OPERATIONS')")}.
 */
public enum Role {

    /** Runs the platform: actuator endpoints, dead letters, replays. */
    OPERATIONS,
    /** Programme staff: opens cohorts, enrols officials, sees who completes. */
    COORDINATOR,
    /** Delivers sessions: attendance and assessments. */
    FACILITATOR,
    /** A partner institution: sees only its own institution's data. */
    PARTNER,
    /**
     * Reads metrics only: {@code /actuator/prometheus} (health is public anyway); refused everywhere
     * else, API and other actuator endpoints alike. The role of Prometheus' scrape token.
     */
    METRICS,
    /**
     * Donors and dashboards: reads figures only (the operations that name it, e.g. the donor report),
     * never personal data; refused every write whatever an operation's rule says.
     */
    REPORTING;

    private static final String PREFIX = "ROLE_";

    /**
     * Whether an operation open to "every role" lets this role in; {@link #METRICS} and
     * {@link #REPORTING} are let in only where an operation names them.
     */
    public boolean isEveryRole() {
        return !readsOnly();
    }

    /** Whether the role only reads ({@link #METRICS}, {@link #REPORTING}): a caller holding nothing else never writes. */
    public boolean readsOnly() {
        return this == METRICS || this == REPORTING;
    }

    /** {@code ROLE_COORDINATOR}: the Spring Security authority. */
    public String authority() {
        return PREFIX + name();
    }

    /** {@code coordinator}: the value in the token's roles claim. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by a claim value, case-insensitively; empty for a role Aula does not know. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.trim().toUpperCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.name().equals(normalised)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role behind an authority such as {@code ROLE_PARTNER}; empty for any other authority. */
    public static Optional<Role> fromAuthority(String authority) {
        if (authority == null || !authority.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return fromClaim(authority.substring(PREFIX.length()));
    }
}
