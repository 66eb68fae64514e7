package org.aula.deploy.identity;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What the provider's tokens say about the person: the claims the services read
 * ({@value LocalTokenIssuer#ROLES_CLAIM}, a sorted array, and {@value LocalTokenIssuer#INSTITUTION_CLAIM}
 * for a partner) go into the access token and the ID token alike, so the console decides what to
 * show on the same facts the APIs decide on; the ID token also carries the display {@code name}
 * when the {@code profile} scope was granted.
 */
final class AulaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final Map<String, DemoUser> users;

    AulaClaims(List<DemoUser> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        DemoUser user = users.get(context.getPrincipal().getName());
        if (user == null) {
            // Only demo users sign in here; a token without roles would be refused by every API anyway.
            return;
        }
        context.getClaims().claims(claims -> {
            claims.put(LocalTokenIssuer.ROLES_CLAIM, new TreeSet<>(user.roles()).stream().toList());
            if (user.institution() != null) {
                claims.put(LocalTokenIssuer.INSTITUTION_CLAIM, user.institution());
            }
        });
        if (idToken && context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
            context.getClaims().claim("name", user.name());
        }
    }
}
