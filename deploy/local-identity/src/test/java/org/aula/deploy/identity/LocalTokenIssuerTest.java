package org.aula.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

class LocalTokenIssuerTest {

    @TempDir
    Path dir;

    @Test
    void createsTheKeyOnceAndReusesItAfter() throws Exception {
        LocalTokenIssuer first = new LocalTokenIssuer(dir);
        String keyJson = Files.readString(dir.resolve(LocalTokenIssuer.KEY_FILE));

        LocalTokenIssuer second = new LocalTokenIssuer(dir);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(Files.readString(dir.resolve(LocalTokenIssuer.KEY_FILE))).isEqualTo(keyJson);
        // A token of the first instance verifies with the key the second one publishes.
        String token = first.mint("someone", Set.of("coordinator"), null, Duration.ofMinutes(5));
        assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier(pemKey(second.publicKeyFile())))).isTrue();
    }

    @Test
    void keepsThePrivateKeyReadableByItsOwnerOnly() throws Exception {
        new LocalTokenIssuer(dir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(LocalTokenIssuer.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE))))
                .isEqualTo("rw-r--r--");
        assertThat(Files.readString(dir.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE))).doesNotContain("\"d\"");
        assertThat(Files.readString(dir.resolve(LocalTokenIssuer.JWK_SET_FILE))).doesNotContain("\"d\"");
    }

    @Test
    void aTokenVerifiesWithThePublishedPublicKeyAndNotWithAnother(@TempDir Path otherDir) throws Exception {
        LocalTokenIssuer issuer = new LocalTokenIssuer(dir);
        String token = issuer.mint("coordinator-1", Set.of("coordinator"), null, Duration.ofHours(1));

        SignedJWT jwt = SignedJWT.parse(token);

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(issuer.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(pemKey(issuer.publicKeyFile())))).isTrue();
        assertThat(jwt.verify(new RSASSAVerifier(JWKSet.parse(issuer.publicJwkSetJson()).getKeyByKeyId(issuer.keyId()).toRSAKey()))).isTrue();
        assertThat(jwt.verify(new RSASSAVerifier(pemKey(new LocalTokenIssuer(otherDir).publicKeyFile())))).isFalse();
    }

    @Test
    void carriesIssuerSubjectRolesInstitutionAndLifetime() throws Exception {
        LocalTokenIssuer issuer = new LocalTokenIssuer(dir, "https://identity.example");
        Instant before = Instant.now().minusSeconds(1);

        var claims = SignedJWT.parse(issuer.mint("partner-police", Set.of("partner"), "POLICE", Duration.ofHours(8)))
                .getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo("https://identity.example");
        assertThat(claims.getSubject()).isEqualTo("partner-police");
        assertThat(claims.getStringListClaim("roles")).containsExactly("partner");
        assertThat(claims.getStringClaim("institution")).isEqualTo("POLICE");
        assertThat(claims.getIssueTime().toInstant()).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.SECONDS));
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(8));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void staffTokensCarryEveryRoleNormalisedAndNoInstitution() throws Exception {
        var claims = SignedJWT.parse(new LocalTokenIssuer(dir)
                .mint("staff", Set.of("Coordinator", "operations"), null, Duration.ofMinutes(1))).getJWTClaimsSet();

        assertThat(claims.getIssuer()).isEqualTo(LocalTokenIssuer.DEFAULT_ISSUER);
        assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator", "operations");
        assertThat(claims.getClaim("institution")).isNull();
    }

    @Test
    void mintsAnAlreadyExpiredTokenWhenAskedForAPastIssueTime() throws Exception {
        Instant issued = Instant.now().minus(Duration.ofHours(2));

        var claims = SignedJWT.parse(new LocalTokenIssuer(dir)
                .mint("late", Set.of("facilitator"), null, issued, Duration.ofHours(1))).getJWTClaimsSet();

        assertThat(claims.getExpirationTime().toInstant()).isBefore(Instant.now().minus(Duration.ofMinutes(59)));
    }

    @Test
    void refusesUnknownRolesPartnersWithoutInstitutionAndMixedPartnerTokens() {
        LocalTokenIssuer issuer = new LocalTokenIssuer(dir);

        assertThatThrownBy(() -> issuer.mint("x", Set.of("admin"), null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role");
        assertThatThrownBy(() -> issuer.mint("x", Set.of("partner"), null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("institution");
        assertThatThrownBy(() -> issuer.mint("x", Set.of("partner", "coordinator"), "POLICE", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partner role only");
        assertThatThrownBy(() -> issuer.mint("x", Set.of(), null, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.mint("x", Set.of("coordinator"), null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesShortAndIsoLifetimes() {
        assertThat(LocalTokenIssuer.parseTtl("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(LocalTokenIssuer.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(LocalTokenIssuer.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LocalTokenIssuer.parseTtl("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(LocalTokenIssuer.parseTtl("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> LocalTokenIssuer.parseTtl("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainPrintsAVerifiableTokenForTheGivenRoleAndInstitution() throws Exception {
        String printed = runMain("--dir", dir.toString(), "--role", "partner", "--institution", "POLICE", "--ttl", "2h");

        SignedJWT jwt = SignedJWT.parse(printed.trim());
        assertThat(jwt.verify(new RSASSAVerifier(pemKey(dir.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE))))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("institution")).isEqualTo("POLICE");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("local-partner");
        assertThat(runMain("--dir", dir.toString(), "--public-key-location").trim())
                .isEqualTo(dir.toAbsolutePath().resolve(LocalTokenIssuer.PUBLIC_KEY_FILE).toUri().toString());
    }

    private static String runMain(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LocalTokenIssuer.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static RSAPublicKey pemKey(Path pemFile) throws Exception {
        String base64 = Files.readString(pemFile)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
