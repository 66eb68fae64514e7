package org.aula.events.runtime.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: subject, roles and, for a partner, its institution. A partner is scoped to its
 * institution: {@link #requireInstitution} refuses (403) a partner asking for another
 * institution's data, and {@link #institutionScope} tells a query which institution to filter by.
 *
 * <pre>
 * &#64;GetMapping("/institutions/{code}/enrolments")
 * &#64;PreAuthorize("hasAnyRole('COORDINATOR','OPERATIONS','PARTNER')")
 * List&lt;EnrolmentView&gt; enrolments(&#64;PathVariable String code) {
 *     Caller.current().requireInstitution(code);
 *     ...
 * }
 * </pre>
 */
public final class Caller {

    private static final Caller ANONYMOUS = new Caller(null, Set.of(), null);

    private final String subject;
    private final Set<Role> roles;
    private final String institution;

    private Caller(String subject, Set<Role> roles, String institution) {
        this.subject = subject;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.institution = institution == null || institution.isBlank() ? null : institution;
    }

    /** A caller built by hand, e.g. in a unit test of a use case. */
    public static Caller of(String subject, Set<Role> roles, String institution) {
        return new Caller(Objects.requireNonNull(subject, "subject"), roles, institution);
    }

    /**
     * The caller of the current request. An unauthenticated caller of a public operation is
     * anonymous (no roles); outside any request (no security context at all) this throws
     * {@link AuthenticationCredentialsNotFoundException}, which Spring Security answers with 401.
     */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AuthenticationCredentialsNotFoundException("no caller: not inside an authenticated request");
        }
        if (authentication instanceof CallerAuthentication known) {
            return known.caller();
        }
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        // Any other authentication (e.g. a test's mock user): roles from its authorities.
        Set<Role> roles = EnumSet.noneOf(Role.class);
        authentication.getAuthorities().forEach(authority -> Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add));
        String institution = authentication instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getClaimAsString(AulaSecurityProperties.DEFAULT_INSTITUTION_CLAIM)
                : null;
        return new Caller(authentication.getName(), roles, institution);
    }

    /** The token's subject; {@code null} for an anonymous caller. */
    public String subject() {
        return subject;
    }

    /** The caller's roles (none for an anonymous caller). */
    public Set<Role> roles() {
        return roles;
    }

    /** The institution code of the token's {@code institution} claim, if any. */
    public Optional<String> institution() {
        return Optional.ofNullable(institution);
    }

    /** Whether the caller holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the caller is a partner, and so scoped to its institution (even if it held another role too). */
    public boolean isPartner() {
        return roles.contains(Role.PARTNER);
    }

    /** Whether no token came with the request. */
    public boolean isAnonymous() {
        return subject == null;
    }

    /**
     * Refuses, with a 403 problem, a partner asking for data of an institution other than its own
     * (or a partner whose token names no institution). Staff pass; an anonymous caller gets 401.
     */
    public void requireInstitution(String institutionCode) {
        if (isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "this operation needs a bearer token", List.of());
        }
        if (isPartner() && (institution == null || !institution.equals(institutionCode))) {
            throw forbidden();
        }
        if (!isPartner() && roles.isEmpty()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "the caller holds no Aula role", List.of());
        }
    }

    /**
     * The institution a query must be limited to: the partner's own for a partner, empty (every
     * institution) for staff. A partner without an institution, or an anonymous caller, is refused.
     */
    public Optional<String> institutionScope() {
        if (isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthenticated", "this operation needs a bearer token", List.of());
        }
        if (!isPartner()) {
            return Optional.empty();
        }
        if (institution == null) {
            throw forbidden();
        }
        return Optional.of(institution);
    }

    /**
     * The institution an answer is limited to when the caller may name one ({@code ?institution=}): the one asked
     * for (a partner may ask only for its own: 403 otherwise), else {@link #institutionScope()}.
     */
    public Optional<String> institutionScope(@Nullable String asked) {
        if (asked != null && !asked.isBlank()) {
            requireInstitution(asked.strip());
            return Optional.of(asked.strip());
        }
        return institutionScope();
    }

    private static ApiProblem forbidden() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden",
                "a partner may only access the data of its own institution", List.of());
    }

    @Override
    public String toString() {
        // Subject and institution are identifiers, not personal data; still, keep it short.
        return "Caller[" + (isAnonymous() ? "anonymous" : subject) + ", " + roles + (institution == null ? "" : ", " + institution) + "]";
    }
}
