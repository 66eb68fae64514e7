package org.aula.events.runtime.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import jakarta.servlet.DispatcherType;

/**
 * Aula's web security, switched on in a service that has Spring Security's OAuth2 resource server
 * on its classpath ({@code spring-boot-starter-security-oauth2-resource-server}) unless
 * {@code aula.security.enabled=false}: every request needs a valid bearer JWT except health, the
 * OpenAPI document and {@code aula.security.public-paths}; {@code /actuator/prometheus} needs the
 * operations or the read-only metrics role, other actuator endpoints the operations role, and a
 * token holding only the metrics role is refused everywhere else; the token's {@code roles} claim becomes {@code ROLE_*} authorities for
 * {@code @PreAuthorize}; stateless, no CSRF (no cookies are ever issued or read); every refusal is
 * problem+json. Runs before Spring Boot's security auto-configurations so theirs back off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = AulaSecurityAutoConfiguration.RESOURCE_SERVER_CLASS)
@EnableConfigurationProperties(AulaSecurityProperties.class)
public class AulaSecurityAutoConfiguration {

    /** Present only when a service depends on Spring Security's OAuth2 resource server. */
    static final String RESOURCE_SERVER_CLASS =
            "org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken";

    /** The body size limit; it stays on when {@code aula.security.enabled=false}. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> aulaRequestSizeLimitFilter(AulaSecurityProperties properties) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestBytes().toBytes()));
        // Before Spring Security's filters: an oversized body is refused before anything reads it.
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        registration.setEnabled(properties.maxRequestBytes().toBytes() > 0);
        return registration;
    }

    /** The bearer scheme and each operation's roles in the OpenAPI document, in a service that has springdoc. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class OpenApiConfiguration {

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer aulaOpenApiSecurity(
                @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
                org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping,
                AulaSecurityProperties properties) {
            return new OpenApiSecurity(handlerMapping, properties.publicPaths());
        }
    }

    /** The filter chain and method security, unless {@code aula.security.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "aula.security.enabled", matchIfMissing = true)
    @EnableWebSecurity
    @EnableMethodSecurity
    static class FilterChainConfiguration {

        /** URLs the firewall refuses (encoded slashes, semicolons, NUL ...) get problem+json like every other refusal. */
        @Bean
        RequestRejectedHandler aulaRequestRejectedHandler() {
            return (request, response, exception) -> ProblemResponses.write(request, response, 400, "Rejected request",
                    "the request URL or headers are not acceptable");
        }

        /**
         * No Spring Security observations: with an observation registry present, Spring Security wraps every filter,
         * the authentication and the authorization in observations of their own, 11-12 % of a request's CPU in the
         * profile (issue 11); {@code management.observations.enable.spring.security=false} only turns them into no-ops
         * behind the same wrappers. The HTTP server observation still traces and times each request.
         */
        @Bean
        SecurityObservationSettings aulaSecurityObservationSettings() {
            return SecurityObservationSettings.noObservations();
        }

        @Bean
        SecurityFilterChain aulaSecurityFilterChain(HttpSecurity http, AulaSecurityProperties properties,
                ObjectProvider<JwtDecoder> decoders,
                @Value("${springdoc.api-docs.path:/v3/api-docs}") String apiDocsPath) throws Exception {
            JwtDecoder decoder = decoders.getIfAvailable();
            if (decoder == null) {
                throw new IllegalStateException("Aula security needs a JWT key: set spring.security.oauth2.resourceserver.jwt."
                        + "issuer-uri, jwk-set-uri or public-key-location (env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI, ...), "
                        + "or aula.security.enabled=false");
            }
            AuthenticationEntryPoint unauthenticated = ProblemResponses.unauthenticated();
            AccessDeniedHandler forbidden = ProblemResponses.forbidden();
            http.csrf(csrf -> csrf.disable())
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .formLogin(form -> form.disable())
                    .httpBasic(basic -> basic.disable())
                    .logout(logout -> logout.disable())
                    .authorizeHttpRequests(requests -> {
                        // An error dispatch renders a failure of a request that was already let in.
                        requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                        requests.requestMatchers(EndpointRequest.to("health")).permitAll();
                        if (properties.publicApiDocs()) {
                            requests.requestMatchers(apiDocsPath, apiDocsPath + "/**").permitAll();
                        }
                        if (!properties.publicPaths().isEmpty()) {
                            requests.requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll();
                        }
                        requests.requestMatchers(EndpointRequest.to("prometheus"))
                                .hasAnyRole(Role.OPERATIONS.name(), Role.METRICS.name());
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Role.OPERATIONS.name());
                        requests.anyRequest().access(apiCaller());
                    })
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(new CachingJwtDecoder(decoder))
                                    .jwtAuthenticationConverter(new TokenCallers(properties.rolesClaim(), properties.institutionClaim())))
                            .authenticationEntryPoint(unauthenticated)
                            .accessDeniedHandler(forbidden))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(unauthenticated)
                            .accessDeniedHandler(forbidden));
            return http.build();
        }

        /**
         * Authenticated, and not holding the metrics role alone: a scrape token that leaked still
         * reads no business data, whatever an operation's {@code @PreAuthorize} (or its absence) says.
         * A token holding only read-only roles (a donor's {@code reporting} token) reads, never
         * writes: anything but GET and HEAD is refused here, before any operation's rule.
         * A token with no Aula role at all is left to the operation, as before.
         */
        static AuthorizationManager<RequestAuthorizationContext> apiCaller() {
            AuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager.authenticated();
            return (authentication, context) -> {
                AuthorizationResult result = authenticated.authorize(authentication, context);
                if (result == null || !result.isGranted()) {
                    return result;
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                authentication.get().getAuthorities()
                        .forEach(authority -> Role.fromAuthority(authority.getAuthority()).ifPresent(roles::add));
                if (roles.equals(EnumSet.of(Role.METRICS))) {
                    return new AuthorizationDecision(false);
                }
                boolean readsOnly = !roles.isEmpty() && roles.stream().allMatch(Role::readsOnly);
                String method = context.getRequest().getMethod();
                return new AuthorizationDecision(!readsOnly || "GET".equals(method) || "HEAD".equals(method));
            };
        }
    }
}
