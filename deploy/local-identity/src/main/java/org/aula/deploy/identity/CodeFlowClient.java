package org.aula.deploy.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Signs a demo user in at an OpenID provider through the authorization code flow with PKCE, as a
 * browser and a web application do together, but with plain HTTP: discovery, the authorization
 * request, the sign-in page's button for that user, the redirect carrying the code, and the token
 * request with the code verifier. For tests and scripts that need tokens obtained the real way.
 */
public final class CodeFlowClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final URI issuer;
    private final IdentityClient client;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    /** A client of the provider at {@code issuer}, registered there as {@code client}; it keeps its own cookies. */
    public CodeFlowClient(String issuer, IdentityClient client) {
        this.issuer = URI.create(issuer);
        this.client = client;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** The tokens of one sign-in. */
    public record Tokens(String accessToken, String idToken, @Nullable String refreshToken, long expiresInSeconds) {
    }

    /** The provider's answer where a step of the flow did not go as a working provider answers. */
    public static final class FlowFailed extends RuntimeException {
        private final int status;

        FlowFailed(String step, int status, String detail) {
            super(step + " answered " + status + ": " + detail);
            this.status = status;
        }

        /** The HTTP status of the answer that stopped the flow. */
        public int status() {
            return status;
        }
    }

    /** The discovery document ({@code /.well-known/openid-configuration}) as a map. */
    public Map<String, Object> discovery() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(issuer.resolve("/.well-known/openid-configuration")).GET());
        expect("discovery", response, 200);
        return json(response.body());
    }

    /** Signs {@code username} in by its button on the sign-in page and exchanges the code for tokens. */
    public Tokens signIn(String username) {
        return signIn(username, DemoUser.PASSWORD, true);
    }

    /**
     * The whole flow with a chosen password and with or without PKCE: a test of the provider's
     * refusals uses the variations; {@link #signIn(String)} is the normal case.
     */
    public Tokens signIn(String username, String password, boolean withPkce) {
        Map<String, Object> discovery = discovery();
        String verifier = randomToken(48);
        String state = randomToken(16);
        String nonce = randomToken(16);
        URI redirectUri = client.redirectUris().get(0);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.clientId());
        parameters.put("redirect_uri", redirectUri.toString());
        parameters.put("scope", String.join(" ", new TreeSet<>(client.scopes())));
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        if (withPkce) {
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
        }
        URI authorize = URI.create(discovery.get("authorization_endpoint") + "?" + form(parameters));

        // Not signed in yet: the provider sends the browser to its sign-in page.
        HttpResponse<String> toSignIn = send(HttpRequest.newBuilder(authorize).header("Accept", "text/html").GET());
        expect("authorization request", toSignIn, 302);
        URI signInPage = location(authorize, toSignIn);
        if (signInPage.toString().startsWith(redirectUri.toString())) {
            // The provider refused the request itself and tells the client why.
            throw new FlowFailed("authorization request", 302, "redirected to " + signInPage);
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(signInPage).header("Accept", "text/html").GET());
        expect("sign-in page", page, 200);
        Matcher csrf = CSRF.matcher(page.body());
        if (!page.body().contains("id=\"sign-in-" + username + "\"") || !csrf.find()) {
            throw new FlowFailed("sign-in page", page.statusCode(), "no button for " + username);
        }

        // The user's button posts its name and the demo password.
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(signInPage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username", username, "password", password, "_csrf", csrf.group(1))))));
        expect("sign-in", signedIn, 302);
        URI afterSignIn = location(signInPage, signedIn);
        if (afterSignIn.getQuery() != null && afterSignIn.getQuery().contains("error")) {
            throw new FlowFailed("sign-in", 302, "refused, back to " + afterSignIn);
        }

        // Back to the authorization request, which now redirects to the client with a code.
        HttpResponse<String> toClient = send(HttpRequest.newBuilder(afterSignIn).header("Accept", "text/html").GET());
        if (toClient.statusCode() != 302) {
            throw new FlowFailed("authorization request after sign-in", toClient.statusCode(), toClient.body());
        }
        URI callback = location(afterSignIn, toClient);
        Map<String, String> answer = query(callback);
        if (!callback.toString().startsWith(redirectUri.toString()) || answer.containsKey("error")) {
            throw new FlowFailed("authorization request after sign-in", 302, "redirected to " + callback);
        }
        if (!state.equals(answer.get("state"))) {
            throw new FlowFailed("authorization request after sign-in", 302, "state does not match");
        }

        Map<String, String> tokenRequest = new LinkedHashMap<>();
        tokenRequest.put("grant_type", "authorization_code");
        tokenRequest.put("code", answer.get("code"));
        tokenRequest.put("redirect_uri", redirectUri.toString());
        tokenRequest.put("code_verifier", verifier);
        return tokens(discovery, tokenRequest);
    }

    /** A new access token for a refresh token ({@code grant_type=refresh_token}). */
    public Tokens refresh(String refreshToken) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("grant_type", "refresh_token");
        request.put("refresh_token", refreshToken);
        return tokens(discovery(), request);
    }

    /** The provider's userinfo answer for an access token, as the console's OpenID login asks for it. */
    public Map<String, Object> userInfo(String accessToken) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(String.valueOf(discovery().get("userinfo_endpoint"))))
                .header("Authorization", "Bearer " + accessToken).GET());
        expect("userinfo", response, 200);
        return json(response.body());
    }

    /**
     * RP-initiated logout as the console's logout does it: ends the provider's session for this
     * client's cookies and returns where the provider sent the browser back to.
     */
    public URI signOut(String idToken, URI postLogoutRedirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id_token_hint", idToken);
        parameters.put("post_logout_redirect_uri", postLogoutRedirectUri.toString());
        URI logout = URI.create(discovery().get("end_session_endpoint") + "?" + form(parameters));
        HttpResponse<String> response = send(HttpRequest.newBuilder(logout).header("Accept", "text/html").GET());
        expect("logout", response, 302);
        return location(logout, response);
    }

    /**
     * Whether this client's cookies still hold a signed-in session at the provider: an authorization
     * request then goes straight back to the client instead of to the sign-in page.
     */
    public boolean signedIn() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.clientId());
        parameters.put("redirect_uri", client.redirectUris().get(0).toString());
        parameters.put("scope", "openid");
        parameters.put("code_challenge", challenge(randomToken(48)));
        parameters.put("code_challenge_method", "S256");
        URI authorize = URI.create(discovery().get("authorization_endpoint") + "?" + form(parameters));
        HttpResponse<String> response = send(HttpRequest.newBuilder(authorize).header("Accept", "text/html").GET());
        expect("authorization request", response, 302);
        return location(authorize, response).toString().startsWith(client.redirectUris().get(0).toString());
    }

    private Tokens tokens(Map<String, Object> discovery, Map<String, String> request) {
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(String.valueOf(discovery.get("token_endpoint"))))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(request))));
        expect("token request", response, 200);
        Map<String, Object> body = json(response.body());
        Object expiresIn = body.get("expires_in");
        return new Tokens(String.valueOf(body.get("access_token")), String.valueOf(body.get("id_token")),
                body.get("refresh_token") instanceof String refresh ? refresh : null,
                expiresIn instanceof Number number ? number.longValue() : 0);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(String step, HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new FlowFailed(step, response.statusCode(), response.body());
        }
    }

    private static URI location(URI base, HttpResponse<String> response) {
        return base.resolve(response.headers().firstValue("Location")
                .orElseThrow(() -> new FlowFailed("redirect", response.statusCode(), "no Location header")));
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + body, e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
