package org.aula.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

/**
 * The staff console's sign-in, as Spring Security's OAuth2 login does it with nothing but Spring
 * Boot properties, against the local provider: a small web application configured exactly as the
 * console is ({@code spring.security.oauth2.client.registration.aula.*}, {@code provider.aula.issuer-uri}),
 * a "browser" that follows the redirects with one cookie jar for both hosts, and a click on a demo
 * user's button. The login works only if the client sends PKCE, validates the provider's ID token
 * (issuer, audience, nonce, signature) and both sides keep their own session cookie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSignInIT {

    @TempDir
    static Path keyDirectory;

    private LocalIdentityServer identity;
    private ConfigurableApplicationContext console;
    private URI consoleUrl;

    @BeforeAll
    void start() throws IOException {
        int consolePort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            consolePort = socket.getLocalPort();
        }
        consoleUrl = URI.create("http://localhost:" + consolePort);
        identity = LocalIdentityServer.start(0, keyDirectory, IdentityClient.staffConsole(consoleUrl));
        console = new SpringApplicationBuilder(ConsoleLike.class).run(
                "--server.port=" + consolePort,
                "--spring.config.name=console-sign-in-test",
                "--spring.main.banner-mode=off",
                "--spring.security.oauth2.client.registration.aula.client-id=" + IdentityClient.CONSOLE_CLIENT_ID,
                "--spring.security.oauth2.client.registration.aula.client-secret=" + IdentityClient.CONSOLE_CLIENT_SECRET,
                "--spring.security.oauth2.client.registration.aula.scope=openid,profile",
                "--spring.security.oauth2.client.provider.aula.issuer-uri=" + identity.issuer());
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        if (identity != null) {
            identity.close();
        }
    }

    @Test
    void aPoliceFocalPointSignsInToTheConsoleWithOneClickAndItHoldsTheirRolesInstitutionAndAccessToken() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> me = browser.signInAt(consoleUrl.resolve("/me"), "partner-police");

        assertThat(me.statusCode()).as(me.uri() + ": " + me.body()).isEqualTo(200);
        assertThat(me.uri().getPath()).as("back where the person started: " + me.uri()).isEqualTo("/me");
        Map<String, Object> seen = JSONObjectUtils.parse(me.body());
        assertThat(seen).containsEntry("sub", "partner-police")
                .containsEntry("name", "Police Department focal point")
                .containsEntry("roles", List.of("partner"))
                .containsEntry("institution", "POLICE");
        assertThat(SignedJWT.parse(String.valueOf(seen.get("accessToken"))).getJWTClaimsSet().getStringClaim("institution"))
                .as("the access token the console sends to the services").isEqualTo("POLICE");
        assertThat(browser.authorizationRequest).as("Spring Security sent PKCE")
                .contains("code_challenge=").contains("code_challenge_method=S256");
        assertThat(browser.cookieNames()).contains("JSESSIONID", "AULA_IDENTITY_SESSION");
    }

    /** A web application signing people in exactly as the console does: OAuth2 login from properties. */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration(exclude = {OAuth2AuthorizationServerAutoConfiguration.class, OAuth2AuthorizationServerJwtAutoConfiguration.class})
    @Import(Me.class)
    static class ConsoleLike {

        @Bean
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2Login(withDefaults())
                    .build();
        }
    }

    @RestController
    static class Me {

        @GetMapping("/me")
        Map<String, Object> me(@AuthenticationPrincipal OidcUser user, @RegisteredOAuth2AuthorizedClient("aula") OAuth2AuthorizedClient client) {
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("sub", user.getSubject());
            seen.put("name", user.getFullName());
            seen.put("roles", user.getClaimAsStringList("roles"));
            seen.put("institution", user.getClaimAsString("institution"));
            seen.put("accessToken", client.getAccessToken().getTokenValue());
            return seen;
        }
    }

    /** Follows redirects one by one with one cookie jar, and clicks a demo user's button on the sign-in page. */
    private static final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        /** What Chromium sends for a page: the request cache saves such requests to come back to after sign-in. */
        private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String authorizationRequest = "";

        HttpResponse<String> signInAt(URI page, String username) throws Exception {
            HttpResponse<String> response = get(page);
            for (int hops = 0; hops < 12 && response.statusCode() == 302; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (next.getPath().equals("/oauth2/authorize") && authorizationRequest.isEmpty()) {
                    authorizationRequest = next.toString();
                }
                response = get(next);
                if (response.statusCode() == 200 && response.body().contains("id=\"sign-in-" + username + "\"")) {
                    Matcher csrf = CSRF.matcher(response.body());
                    assertThat(csrf.find()).isTrue();
                    response = post(response.uri(), Map.of("username", username, "password", DemoUser.PASSWORD, "_csrf", csrf.group(1)));
                }
            }
            return response;
        }

        List<String> cookieNames() {
            List<String> names = new ArrayList<>();
            cookies.getCookieStore().getCookies().forEach(cookie -> names.add(cookie.getName()));
            return names;
        }

        private HttpResponse<String> get(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", BROWSER_ACCEPT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
