package org.aula.deploy.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A person the local OpenID provider lets sign in with one click: a username (the token's
 * {@code sub}), a display name (the ID token's {@code name}), the roles of the {@code roles} claim
 * and, for a partner's focal point, the institution of the {@code institution} claim.
 */
public record DemoUser(String username, String name, Set<String> roles, @Nullable String institution) {

    /**
     * The password every demo user has, posted by the sign-in page's buttons. Demo users exist on a
     * developer's machine only; the organisation's provider signs people in in production.
     */
    public static final String PASSWORD = "aula-demo";

    public DemoUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        roles = Set.copyOf(roles);
        if (roles.contains("partner") && (institution == null || institution.isBlank())) {
            throw new IllegalArgumentException("institution is required for a partner");
        }
    }

    /**
     * One user per staff role, a donor's reader of the figures ({@code reporting}: the donor report
     * and completion figures, no personal data, no writes), and a focal point for each institution of
     * the seed story ({@code docs/seed-story.md}); the facilitator carries the name the seed's cohorts name.
     */
    public static List<DemoUser> all() {
        return List.of(
                new DemoUser("coordinator", "Programme coordinator", Set.of("coordinator"), null),
                new DemoUser("facilitator", "Graciela Incer", Set.of("facilitator"), null),
                new DemoUser("operations", "Operations engineer", Set.of("operations"), null),
                new DemoUser("donor", "Donor programme officer", Set.of("reporting"), null),
                partner("POLICE", "Police Department focal point"),
                partner("IMMIGRATION", "Department of Immigration focal point"),
                partner("MFA", "Ministry of Foreign Affairs focal point"),
                partner("MHD", "Ministry of Human Development focal point"));
    }

    /** The focal point of {@code institution}, username {@code partner-<code in lower case>}. */
    public static DemoUser partner(String institution, String name) {
        return new DemoUser("partner-" + institution.toLowerCase(Locale.ROOT), name, Set.of("partner"), institution);
    }
}
