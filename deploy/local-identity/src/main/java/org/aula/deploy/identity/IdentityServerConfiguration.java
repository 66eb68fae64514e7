package org.aula.deploy.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The local OpenID provider's Spring configuration: Spring Authorization Server's endpoints
 * (discovery, authorize, token, JWK Set, userinfo, logout) and a sign-in page listing the demo
 * users. Auto-configuration is imported by name, not enabled wholesale: in the local platform this
 * context shares a classpath with the services, whose data sources, Kafka clients and resource-server
 * security must not start here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(classes = {
        org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration.class,
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class})
@EnableWebSecurity
@Import(SignInPage.class)
class IdentityServerConfiguration {

    /** How long an access token lives; the console refreshes it with its refresh token. */
    static final Duration ACCESS_TOKEN_TTL = Duration.ofMinutes(30);
    /** How long a sign-in lasts without a new one: a working day. */
    static final Duration REFRESH_TOKEN_TTL = Duration.ofHours(8);

    /** Discovery, authorize, token, JWK Set, userinfo and logout; a browser without a session goes to the sign-in page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(withDefaults());
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPage.PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The userinfo endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
        return http.build();
    }

    /** The sign-in page and its form login; everything else needs a signed-in person. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(SignInPage.PATH, "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SignInPage.PATH));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySetup setup) {
        // A fixed issuer: the ID token's iss must equal the URL the console discovered, whatever Host a request names.
        return AuthorizationServerSettings.builder().issuer(setup.issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentitySetup setup) {
        List<RegisteredClient> clients = setup.clients().stream().map(IdentityServerConfiguration::registered).toList();
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The key of the data directory's {@link LocalTokenIssuer}: the services' public key verifies these tokens too. */
    @Bean
    JWKSource<SecurityContext> signingKey(IdentitySetup setup) {
        return new ImmutableJWKSet<>(new JWKSet(setup.tokens().signingKey()));
    }

    @Bean
    JwtDecoder userInfoTokens(JWKSource<SecurityContext> signingKey) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKey);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> aulaClaims(IdentitySetup setup) {
        return new AulaClaims(setup.users());
    }

    @Bean
    UserDetailsService demoUsers(IdentitySetup setup) {
        return new InMemoryUserDetailsManager(setup.users().stream()
                .map(user -> User.withUsername(user.username()).password("{noop}" + DemoUser.PASSWORD).build())
                .toList());
    }

    private static RegisteredClient registered(IdentityClient client) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes(StandardCharsets.UTF_8)).toString())
                .clientId(client.clientId())
                .clientSecret("{noop}" + client.clientSecret())
                .clientAuthenticationMethods(methods -> {
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                })
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> client.redirectUris().forEach(uri -> uris.add(uri.toString())))
                .postLogoutRedirectUris(uris -> client.postLogoutRedirectUris().forEach(uri -> uris.add(uri.toString())))
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(ACCESS_TOKEN_TTL)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_TTL)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    /** What {@link LocalIdentityServer#start} hands to the context: issuer, key, clients and users. */
    record IdentitySetup(String issuer, LocalTokenIssuer tokens, List<IdentityClient> clients, List<DemoUser> users) {
    }
}
