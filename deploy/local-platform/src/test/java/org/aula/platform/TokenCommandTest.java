package org.aula.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.aula.deploy.identity.LocalTokenIssuer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void mintsAPartnerTokenScopedToItsInstitutionWithTheDataDirectorysKey() throws Exception {
        Outcome outcome = run("--role", "partner", "--institution", "POLICE", "--ttl", "2h", "--data-dir=" + dataDir);

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        SignedJWT token = SignedJWT.parse(outcome.out().strip());
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("partner");
        assertThat(claims.getStringClaim("institution")).isEqualTo("POLICE");
        assertThat(claims.getSubject()).isEqualTo("local-partner-POLICE");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void onAFreshDataDirectoryCreatesTheKeyOnceAndSaysSoThenReusesIt() throws Exception {
        Outcome first = run("--role=coordinator", "--data-dir=" + dataDir);
        Outcome second = run("--role", "operations", "--data-dir", dataDir.toString());

        assertThat(first.exit()).isZero();
        assertThat(first.err()).contains("had no signing key yet; created one");
        assertThat(second.exit()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(SignedJWT.parse(first.out().strip()).getHeader().getKeyID())
                .isEqualTo(SignedJWT.parse(second.out().strip()).getHeader().getKeyID())
                .isEqualTo(new LocalTokenIssuer(dataDir.resolve("identity")).keyId());
        JWTClaimsSet coordinator = SignedJWT.parse(first.out().strip()).getJWTClaimsSet();
        assertThat(coordinator.getStringListClaim("roles")).containsExactly("coordinator");
        assertThat(coordinator.getClaim("institution")).isNull();
        assertThat(Duration.between(coordinator.getIssueTime().toInstant(), coordinator.getExpirationTime().toInstant()))
                .as("default lifetime").isEqualTo(Duration.ofHours(8));
    }

    @Test
    void mintsAReportingTokenForDonorsAndDashboards() throws Exception {
        Outcome outcome = run("--role", "reporting", "--data-dir=" + dataDir);

        assertThat(outcome.exit()).as(outcome.err()).isZero();
        SignedJWT token = SignedJWT.parse(outcome.out().strip());
        assertThat(token.verify(new RSASSAVerifier(publishedKey()))).isTrue();
        assertThat(token.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("reporting");
        assertThat(token.getJWTClaimsSet().getClaim("institution")).isNull();
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("local-reporting");
    }

    @Test
    void refusesWhatCannotBeATokenWithoutCreatingAKey() {
        assertRefused("--role is required", "--data-dir=" + dataDir);
        assertRefused("unknown role admin", "--role", "admin", "--data-dir=" + dataDir);
        assertRefused("--institution scopes a partner token", "--role", "coordinator", "--institution", "POLICE", "--data-dir=" + dataDir);
        assertRefused("--ttl must look like", "--role", "coordinator", "--ttl", "soon", "--data-dir=" + dataDir);
        assertRefused("--ttl must be positive", "--role", "coordinator", "--ttl", "0h", "--data-dir=" + dataDir);
        assertRefused("--role needs a value", "--role", "--data-dir=" + dataDir);
        assertRefused("unknown option --demo", "--role", "coordinator", "--demo", "--data-dir=" + dataDir);

        assertThat(dataDir.resolve("identity")).doesNotExist();
    }

    @Test
    void aPartnerWithoutAnInstitutionIsRefusedByTheIssuer() {
        Outcome outcome = run("--role", "partner", "--data-dir=" + dataDir);

        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.err()).contains("a partner token needs an institution");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void helpPrintsTheUsage() {
        Outcome outcome = run("--help");

        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).contains("./platform token --role coordinator|facilitator|operations|partner");
    }

    @Test
    void lifetimesReadLikeTheyAreWritten() {
        assertThat(TokenCommand.parseTtl("8h")).isEqualTo(Duration.ofHours(8));
        assertThat(TokenCommand.parseTtl("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(TokenCommand.parseTtl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.parseTtl("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(TokenCommand.parseTtl("PT8H")).isEqualTo(Duration.ofHours(8));
        assertThatThrownBy(() -> TokenCommand.parseTtl("-PT1H")).hasMessageContaining("positive");
    }

    private RSAKey publishedKey() throws Exception {
        Path jwks = dataDir.resolve("identity").resolve(LocalTokenIssuer.JWK_SET_FILE);
        return JWKSet.parse(Files.readString(jwks)).getKeys().get(0).toRSAKey();
    }

    private void assertRefused(String message, String... args) {
        Outcome outcome = run(args);
        assertThat(outcome.exit()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(outcome.err()).contains(message).contains("Usage: ./platform token");
        assertThat(outcome.out()).isEmpty();
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TokenCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int exit, String out, String err) {
    }
}
