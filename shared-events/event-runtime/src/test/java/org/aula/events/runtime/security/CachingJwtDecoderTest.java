package org.aula.events.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    /** Stands for the signature check: "good-…" tokens verify (for an hour from NOW), anything else is refused. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build();
    };

    @Test
    void verifiesEachTokenOnceAndAnswersTheSameClaimsAfterwards() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = decoder.decode("good-a");
        Jwt again = decoder.decode("good-a");
        Jwt other = decoder.decode("good-b");

        assertThat(again).isSameAs(first);
        assertThat(other.getSubject()).isEqualTo("good-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsCheckedAgainEveryTimeAndNeverRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(decoder.remembers("forged")).isFalse();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpiredBeyondTheClockSkew() {
        MovableClock clock = new MovableClock(NOW);
        CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock);
        decoder.decode("good-a");

        clock.now = NOW.plus(Duration.ofHours(1)).plusSeconds(59);
        assertThat(decoder.decode("good-a").getSubject()).isEqualTo("good-a");

        clock.now = NOW.plus(Duration.ofHours(1)).plusSeconds(61);
        assertThatThrownBy(() -> decoder.decode("good-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(decoder.remembers("good-a")).isFalse();
        assertThat(verifications).hasValue(1);
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
