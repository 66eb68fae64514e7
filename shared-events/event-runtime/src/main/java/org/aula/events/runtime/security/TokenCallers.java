package org.aula.events.runtime.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads a verified JWT into a {@link Caller}: the roles claim (a list, or one space- or
 * comma-separated string; a dotted name such as {@code realm_access.roles} reaches into nested
 * claims) becomes {@code ROLE_*} authorities; roles Aula does not know are ignored.
 */
final class TokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String rolesClaim;
    private final String institutionClaim;

    TokenCallers(String rolesClaim, String institutionClaim) {
        this.rolesClaim = rolesClaim;
        this.institutionClaim = institutionClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt);
        Collection<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        Object institution = claim(jwt, institutionClaim);
        Caller caller = Caller.of(jwt.getSubject() == null ? "" : jwt.getSubject(), roles,
                institution instanceof String code ? code : null);
        return new CallerAuthentication(jwt, authorities, caller);
    }

    Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = claim(jwt, rolesClaim);
        Collection<?> values = List.of();
        if (claim instanceof Collection<?> collection) {
            values = collection;
        } else if (claim instanceof String text) {
            values = List.of(text.split("[\\s,]+"));
        }
        for (Object value : values) {
            if (value instanceof String name) {
                Role.fromClaim(name).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static Object claim(Jwt jwt, String name) {
        if (jwt.hasClaim(name)) {
            return jwt.getClaim(name);
        }
        Object current = jwt.getClaims();
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }
}
