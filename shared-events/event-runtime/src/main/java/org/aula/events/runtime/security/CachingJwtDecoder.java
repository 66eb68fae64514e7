package org.aula.events.runtime.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.util.ConcurrentLruCache;

/**
 * Remembers the tokens it has verified, so a caller that sends the same bearer token with each request (a console,
 * a partner's client, a load test) costs one signature check, not one per request: that check and its claim parsing
 * were 7.5-9.4 % of a service's CPU under load (issue 11). A remembered token is checked again for what changes
 * with time (expiry, not-before, with the same 60 s of clock skew as Spring Security's default validator); what a
 * token says cannot change without its signature changing, and a different token is a different key. Tokens that
 * fail are not remembered. At most {@link #CAPACITY} tokens, least recently used first out.
 *
 * <p>Written here: Spring Security caches the issuer's keys (JWKS), never verified tokens, and offers no decorator
 * for it; {@link ConcurrentLruCache} (Spring's own) does the bounding.
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** Distinct tokens remembered: a few MB at most, far more than the callers of one replica within a token's life. */
    static final int CAPACITY = 4096;

    private final JwtDecoder delegate;
    private final ConcurrentLruCache<String, Jwt> verified;
    private final OAuth2TokenValidator<Jwt> timestamps;

    CachingJwtDecoder(JwtDecoder delegate) {
        this(delegate, Clock.systemUTC());
    }

    CachingJwtDecoder(JwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.verified = new ConcurrentLruCache<>(CAPACITY, delegate::decode);
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ofSeconds(60));
        validator.setClock(clock);
        this.timestamps = validator;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            throw new BadJwtException("no token");
        }
        Jwt jwt = verified.get(token);
        OAuth2TokenValidatorResult result = timestamps.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("the token is expired or not yet valid", result.getErrors());
        }
        return jwt;
    }

    /** Whether {@code token} is remembered now (for tests). */
    boolean remembers(String token) {
        return verified.contains(token);
    }
}
