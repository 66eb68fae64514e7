package org.aula.certification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class HolderLinkTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2019-06-12T08:30:00Z");
    private static final CertificateId CERTIFICATE = new CertificateId(UUID.fromString("4f0b6c1e-8d2a-4b7e-9f3c-2a1d5e7b9c04"));

    @Test
    void aTokenCarries256RandomBitsAsUnpaddedBase64Url() {
        HolderToken token = HolderToken.generate(RANDOM);

        assertThat(token.value()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token.value())).hasSize(HolderToken.BYTES);
        assertThat(HolderToken.BYTES * 8).isGreaterThanOrEqualTo(128);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(HolderToken.generate(RANDOM).value())).isTrue();
        }
    }

    @Test
    void onlyTheSha256OfTheTokenIsKept() throws Exception {
        HolderToken token = HolderToken.generate(RANDOM);

        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(token.value().getBytes());
        assertThat(token.hash()).isEqualTo(expected).hasSize(32);
        HolderLink link = HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1", "The holder asked", null);
        assertThat(link.tokenHash()).isEqualTo(expected);
        assertThat(link.toString()).doesNotContain(token.value()).doesNotContain(HexFormat.of().formatHex(expected));
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void aTokenReadsBackOnlyInItsOwnForm() {
        HolderToken token = HolderToken.generate(RANDOM);

        assertThat(HolderToken.parse(token.value())).contains(token);
        assertThat(HolderToken.parse(token.value().substring(1))).as("too short").isEmpty();
        assertThat(HolderToken.parse(token.value() + "A")).as("too long").isEmpty();
        assertThat(HolderToken.parse(token.value() + "=")).as("padded").isEmpty();
        assertThat(HolderToken.parse(token.value().substring(0, 42) + "+")).as("not base64url").isEmpty();
        assertThat(HolderToken.parse("A".repeat(42) + "B")).as("spare bits set: not an encoding of 32 bytes").isEmpty();
        assertThat(HolderToken.parse("")).isEmpty();
        assertThat(HolderToken.parse(null)).isEmpty();
        assertThat(HolderToken.parse("../certificates")).isEmpty();
    }

    @Test
    void aLinkOpensUntilItExpiresOrIsRevoked() {
        HolderToken token = HolderToken.generate(RANDOM);
        Instant expiry = NOW.plus(Duration.ofDays(90));
        HolderLink expiring = HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1", "The holder asked", expiry);
        HolderLink forever = HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1", "The holder asked", null);
        HolderLink revoked = new HolderLink(forever.id(), CERTIFICATE, forever.tokenHash(), NOW, "coordinator-1",
                "The holder asked", null, NOW.plusSeconds(60));

        assertThat(expiring.opensAt(NOW)).isTrue();
        assertThat(expiring.opensAt(expiry.minusNanos(1))).isTrue();
        assertThat(expiring.opensAt(expiry)).as("expired at its expiry exactly").isFalse();
        assertThat(forever.opensAt(NOW.plus(Duration.ofDays(36_500)))).isTrue();
        assertThat(revoked.opensAt(NOW)).isFalse();
        assertThat(revoked.opensAt(NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aLinkNeedsAReasonAnExpiryAfterItIsMadeAndAWholeHash() {
        HolderToken token = HolderToken.generate(RANDOM);

        assertThatIllegalArgumentException().isThrownBy(() -> HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1", " ", null))
                .withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1",
                "x".repeat(HolderLink.MAX_REASON_LENGTH + 1), null)).withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> HolderLink.make(CERTIFICATE, token, NOW, "coordinator-1",
                "The holder asked", NOW)).withMessageContaining("expiresAt");
        assertThatIllegalArgumentException().isThrownBy(() -> new HolderLink(UUID.randomUUID(), CERTIFICATE,
                Arrays.copyOf(token.hash(), 16), NOW, "coordinator-1", "The holder asked", null, null))
                .withMessageContaining("token hash");
    }
}
