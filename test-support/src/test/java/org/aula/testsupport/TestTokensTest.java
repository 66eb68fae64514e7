package org.aula.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;

class TestTokensTest {

    @Test
    void roleTokensVerifyWithThePublishedKeyAndCarryTheirRole() throws Exception {
        for (Map.Entry<String, String> token : Map.of("coordinator", TestTokens.coordinator(), "facilitator",
                TestTokens.facilitator(), "operations", TestTokens.operations(), "partner", TestTokens.partner("POLICE")).entrySet()) {
            SignedJWT jwt = SignedJWT.parse(token.getValue());
            assertThat(jwt.verify(verifier())).as(token.getKey()).isTrue();
            assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly(token.getKey());
            assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now());
        }
        assertThat(SignedJWT.parse(TestTokens.partner("POLICE")).getJWTClaimsSet().getStringClaim("institution")).isEqualTo("POLICE");
    }

    @Test
    void badTokensLookGenuineButAreNot() throws Exception {
        SignedJWT forged = SignedJWT.parse(TestTokens.forgedSignature());
        assertThat(forged.getHeader().getKeyID()).isEqualTo(TestTokens.issuer().keyId());
        assertThat(forged.verify(verifier())).isFalse();

        SignedJWT expired = SignedJWT.parse(TestTokens.expired());
        assertThat(expired.verify(verifier())).isTrue();
        assertThat(expired.getJWTClaimsSet().getExpirationTime().toInstant()).isBefore(Instant.now().minusSeconds(3000));

        String unsigned = TestTokens.unsigned();
        assertThat(new String(Base64.getUrlDecoder().decode(unsigned.split("\\.")[0]))).contains("\"alg\":\"none\"");
        assertThat(unsigned).endsWith(".");
    }

    @Test
    void bothInitializersPointSpringAtThePublicKey() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new TestTokens.Initializer().initialize(context);
            assertThat(context.getEnvironment().getProperty(TestTokens.PUBLIC_KEY_LOCATION_PROPERTY))
                    .isEqualTo(TestTokens.publicKeyLocation())
                    .startsWith("file:");
        }
    }

    private static RSASSAVerifier verifier() throws Exception {
        String base64 = Files.readString(Path.of(URI.create(TestTokens.publicKeyLocation())))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new RSASSAVerifier((RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64))));
    }
}
