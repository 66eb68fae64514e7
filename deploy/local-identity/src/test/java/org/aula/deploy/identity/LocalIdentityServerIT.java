package org.aula.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The local OpenID provider on a free port, driven over HTTP as a browser and the console drive it:
 * discovery, the sign-in page, the authorization code flow with PKCE, refresh, and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalIdentityServerIT {

    @TempDir
    static Path keyDirectory;

    private final IdentityClient console = IdentityClient.staffConsole(URI.create("http://localhost:18080"));
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalTokenIssuer tokens;
    private LocalIdentityServer server;

    @BeforeAll
    void start() {
        // The key exists first, as on the platform: the provider must sign with it, not with a key of its own.
        tokens = new LocalTokenIssuer(keyDirectory);
        server = LocalIdentityServer.start(0, keyDirectory, console);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void discoveryNamesTheIssuerItsEndpointsAndTheKeyTheServicesAlreadyTrust() throws Exception {
        Map<String, Object> discovery = new CodeFlowClient(server.issuer(), console).discovery();

        assertThat(server.issuer()).matches("http://localhost:\\d+");
        assertThat(discovery).containsEntry("issuer", server.issuer())
                .containsEntry("authorization_endpoint", server.issuer() + "/oauth2/authorize")
                .containsEntry("token_endpoint", server.issuer() + "/oauth2/token")
                .containsEntry("jwks_uri", server.issuer() + "/oauth2/jwks")
                .containsEntry("userinfo_endpoint", server.issuer() + "/userinfo")
                .containsEntry("end_session_endpoint", server.issuer() + "/connect/logout");
        assertThat(discovery.get("code_challenge_methods_supported")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("S256");

        JWKSet published = JWKSet.parse(get(URI.create(server.issuer() + "/oauth2/jwks")).body());
        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getKeyID()).isEqualTo(tokens.keyId());
            assertThat(key.isPrivate()).isFalse();
        });
    }

    @Test
    void theSignInPageListsEveryDemoUserAsAButton() {
        HttpResponse<String> page = get(server.signInPage());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(server.users()).extracting(DemoUser::username)
                .contains("coordinator", "facilitator", "operations", "donor", "partner-police", "partner-immigration");
        for (DemoUser user : server.users()) {
            assertThat(page.body()).contains("id=\"sign-in-" + user.username() + "\"", user.name());
        }
        assertThat(page.body()).contains("partner · POLICE", "partner · IMMIGRATION", "<html lang=\"en\">");
    }

    @Test
    void aCoordinatorSignsInWithOneClickAndGetsTokensTheServicesKeyVerifies() throws Exception {
        CodeFlowClient.Tokens signedIn = new CodeFlowClient(server.issuer(), console).signIn("coordinator");

        SignedJWT access = SignedJWT.parse(signedIn.accessToken());
        // The PEM file the services load with public-key-location verifies the provider's token.
        assertThat(access.verify(new RSASSAVerifier(pemKey(tokens.publicKeyFile())))).isTrue();
        assertThat(access.getHeader().getKeyID()).isEqualTo(tokens.keyId());
        JWTClaimsSet claims = access.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(server.issuer());
        assertThat(claims.getSubject()).isEqualTo("coordinator");
        assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator");
        assertThat(claims.getClaim("institution")).isNull();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(IdentityServerConfiguration.ACCESS_TOKEN_TTL);

        JWTClaimsSet id = SignedJWT.parse(signedIn.idToken()).getJWTClaimsSet();
        assertThat(id.getAudience()).containsExactly(IdentityClient.CONSOLE_CLIENT_ID);
        assertThat(id.getStringListClaim("roles")).containsExactly("coordinator");
        assertThat(id.getStringClaim("name")).isEqualTo("Programme coordinator");
        assertThat(signedIn.refreshToken()).isNotBlank();
    }

    @Test
    void aPartnersTokensCarryItsInstitution() throws Exception {
        CodeFlowClient.Tokens police = new CodeFlowClient(server.issuer(), console).signIn("partner-police");
        CodeFlowClient.Tokens immigration = new CodeFlowClient(server.issuer(), console).signIn("partner-immigration");

        JWTClaimsSet policeClaims = SignedJWT.parse(police.accessToken()).getJWTClaimsSet();
        assertThat(policeClaims.getStringListClaim("roles")).containsExactly("partner");
        assertThat(policeClaims.getStringClaim("institution")).isEqualTo("POLICE");
        assertThat(SignedJWT.parse(police.idToken()).getJWTClaimsSet().getStringClaim("institution")).isEqualTo("POLICE");
        assertThat(SignedJWT.parse(immigration.accessToken()).getJWTClaimsSet().getStringClaim("institution")).isEqualTo("IMMIGRATION");
    }

    @Test
    void theDonorSignsInWithTheReportingRoleOnly() throws Exception {
        CodeFlowClient.Tokens donor = new CodeFlowClient(server.issuer(), console).signIn("donor");

        JWTClaimsSet claims = SignedJWT.parse(donor.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("donor");
        assertThat(claims.getStringListClaim("roles")).containsExactly("reporting");
        assertThat(claims.getClaim("institution")).isNull();
        assertThat(SignedJWT.parse(donor.idToken()).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("reporting");
    }

    @Test
    void theFacilitatorCarriesTheNameTheSeedsCohortsGive() throws Exception {
        CodeFlowClient.Tokens facilitator = new CodeFlowClient(server.issuer(), console).signIn("facilitator");

        assertThat(SignedJWT.parse(facilitator.idToken()).getJWTClaimsSet().getStringClaim("name")).isEqualTo("Graciela Incer");
        assertThat(SignedJWT.parse(facilitator.accessToken()).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("facilitator");
    }

    @Test
    void aRefreshTokenGetsANewAccessTokenWithTheSameClaims() throws Exception {
        CodeFlowClient flow = new CodeFlowClient(server.issuer(), console);
        CodeFlowClient.Tokens first = flow.signIn("partner-immigration");

        CodeFlowClient.Tokens refreshed = flow.refresh(first.refreshToken());

        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        JWTClaimsSet claims = SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("partner-immigration");
        assertThat(claims.getStringClaim("institution")).isEqualTo("IMMIGRATION");
    }

    @Test
    void userInfoAnswersTheSignedInPersonsSubjectAndName() {
        CodeFlowClient flow = new CodeFlowClient(server.issuer(), console);
        CodeFlowClient.Tokens signedIn = flow.signIn("partner-police");

        assertThat(flow.userInfo(signedIn.accessToken()))
                .containsEntry("sub", "partner-police")
                .containsEntry("name", "Police Department focal point");
    }

    @Test
    void signingOutEndsTheProvidersSessionAndReturnsToTheConsole() {
        CodeFlowClient flow = new CodeFlowClient(server.issuer(), console);
        CodeFlowClient.Tokens signedIn = flow.signIn("coordinator");
        assertThat(flow.signedIn()).as("the provider remembers the sign-in").isTrue();

        URI back = flow.signOut(signedIn.idToken(), console.postLogoutRedirectUris().get(0));

        assertThat(back).isEqualTo(console.postLogoutRedirectUris().get(0));
        assertThat(flow.signedIn()).as("the next sign-in shows the sign-in page again").isFalse();
    }

    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        assertThatThrownBy(() -> new CodeFlowClient(server.issuer(), console).signIn("coordinator", DemoUser.PASSWORD, false))
                .isInstanceOf(CodeFlowClient.FlowFailed.class)
                .hasMessageContaining("error=invalid_request");
    }

    @Test
    void aWrongPasswordSignsNobodyIn() {
        assertThatThrownBy(() -> new CodeFlowClient(server.issuer(), console).signIn("coordinator", "guess", true))
                .isInstanceOf(CodeFlowClient.FlowFailed.class)
                .hasMessageContaining("refused");
    }

    @Test
    void anUnregisteredRedirectUriGetsNoCode() {
        IdentityClient impostor = new IdentityClient(console.clientId(), console.clientSecret(),
                List.of(URI.create("http://localhost:18080/elsewhere")), List.of(), console.scopes());

        assertThatThrownBy(() -> new CodeFlowClient(server.issuer(), impostor).signIn("coordinator"))
                .isInstanceOf(CodeFlowClient.FlowFailed.class);
    }

    @Test
    void aWrongClientSecretGetsNoTokens() {
        IdentityClient wrongSecret = new IdentityClient(console.clientId(), "not-the-secret",
                console.redirectUris(), List.of(), console.scopes());

        assertThatThrownBy(() -> new CodeFlowClient(server.issuer(), wrongSecret).signIn("coordinator"))
                .isInstanceOf(CodeFlowClient.FlowFailed.class)
                .hasMessageContaining("token request answered 401");
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey pemKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
