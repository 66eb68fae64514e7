package org.aula.events.runtime.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified JWT with the {@link Caller} read from it once, at authentication. */
final class CallerAuthentication extends JwtAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.subject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
