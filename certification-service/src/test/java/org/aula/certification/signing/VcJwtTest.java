package org.aula.certification.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.aula.certification.CertificationProperties;
import org.aula.certification.application.OpenBadgeCredentials;
import org.aula.certification.application.SignatureRefused;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionFixture;
import org.aula.certification.domain.StatusListEntry;
import org.aula.certification.domain.Validity;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class VcJwtTest {

    private static final String BASE = "https://certificates.aula.test";
    private final CertificationProperties properties = new CertificationProperties(URI.create(BASE));
    private final OpenBadgeCredentials badges = new OpenBadgeCredentials(new VerificationLinks(properties), properties);
    private final Completion completion = CompletionFixture.inspectorPascascioCompletedBmm();
    private final Certificate certificate = Certificate.issue(CertificateId.random(), completion.numberWith(1), completion,
            Instant.parse("2019-05-20T09:00:00.123456Z"), new StatusListEntry(1, 4711), Validity.UNLIMITED);

    @Test
    void signsAsVcJwtWhoseClaimsMirrorTheCredential() throws Exception {
        SigningKeys keys = new SigningKeys(properties, new InMemorySigningKeyStore(), Clock.systemUTC());
        VcJwt vcJwt = new VcJwt(keys);

        SignedJWT jwt = SignedJWT.parse(vcJwt.sign(badges.of(certificate)));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("vc+jwt");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.active().getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(BASE + "/issuer");
        assertThat(claims.getJWTID()).isEqualTo("urn:uuid:" + certificate.id());
        assertThat(claims.getSubject()).isEqualTo("urn:aula:participant:" + certificate.holder().participantId());
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(Instant.parse("2019-05-20T09:00:00Z"));
        assertThat(claims.getExpirationTime()).isNull();
        assertThat(claims.getClaim("credentialSubject")).isNotNull();
        assertThat(vcJwt.verify(jwt.serialize())).containsEntry("jti", claims.getJWTID());
    }

    @Test
    void refusesATamperedTokenAndOneSignedWithAnotherKey() throws Exception {
        SigningKeys keys = new SigningKeys(properties, new InMemorySigningKeyStore(), Clock.systemUTC());
        VcJwt vcJwt = new VcJwt(keys);
        String token = vcJwt.sign(badges.of(certificate));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Constant Pascascio", "Constantine Pascascio");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        SigningKeys impostor = new SigningKeys(properties, new InMemorySigningKeyStore(), Clock.systemUTC());

        assertThatThrownBy(() -> vcJwt.verify(tampered)).isInstanceOf(SignatureRefused.class)
                .hasMessage("the signature does not match the content");
        assertThatThrownBy(() -> vcJwt.verify(new VcJwt(impostor).sign(badges.of(certificate))))
                .isInstanceOf(SignatureRefused.class).hasMessage("signed with a key this issuer does not publish");
        assertThatThrownBy(() -> vcJwt.verify("not-a-token")).isInstanceOf(SignatureRefused.class)
                .hasMessageContaining("compact JWS");
    }
}
