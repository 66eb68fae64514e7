package org.aula.deploy.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * An application registered with the local OpenID provider: a confidential client that signs people
 * in with the authorization code flow and PKCE, authenticating to the token endpoint with HTTP Basic
 * ({@code client_secret_basic}) or a form post ({@code client_secret_post}), and may refresh its tokens.
 *
 * @param clientId               the {@code client_id}
 * @param clientSecret           its secret (plain: a local, throw-away secret)
 * @param redirectUris           where the provider may send the code, matched exactly
 * @param postLogoutRedirectUris where the provider may send the browser after RP-initiated logout
 * @param scopes                 the scopes it may ask for; {@code openid} among them
 */
public record IdentityClient(String clientId, String clientSecret, List<URI> redirectUris,
        List<URI> postLogoutRedirectUris, Set<String> scopes) {

    /** The staff console's client id. */
    public static final String CONSOLE_CLIENT_ID = "staff-console";
    /** The staff console's secret on the local platform: not a secret anywhere else. */
    public static final String CONSOLE_CLIENT_SECRET = "staff-console-local-secret";
    /** The console's registration id in {@code spring.security.oauth2.client.registration.<id>}. */
    public static final String CONSOLE_REGISTRATION_ID = "aula";

    public IdentityClient {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("clientSecret must not be blank");
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            throw new IllegalArgumentException("redirectUris must name at least one URI");
        }
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
        scopes = Set.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("scopes must include openid");
        }
    }

    /**
     * The staff console running at {@code consoleBaseUrl} (e.g. {@code http://localhost:8080}), as
     * Spring Security's OAuth2 login expects it: redirect URI
     * {@code <base>/login/oauth2/code/aula}, back to {@code <base>/} after logout, scopes
     * {@code openid profile}.
     */
    public static IdentityClient staffConsole(URI consoleBaseUrl) {
        String base = consoleBaseUrl.toString().replaceAll("/+$", "");
        return new IdentityClient(CONSOLE_CLIENT_ID, CONSOLE_CLIENT_SECRET,
                List.of(URI.create(base + "/login/oauth2/code/" + CONSOLE_REGISTRATION_ID)),
                List.of(URI.create(base + "/")), Set.of("openid", "profile"));
    }
}
