package org.aula.console.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.aula.console.ConsoleProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in with OpenID Connect, and the same role rules as the services' APIs, so that a forbidden
 * form posted by hand is refused here (403) before the service would refuse it too.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String COORDINATOR = StaffRole.COORDINATOR.name();
    private static final String OPERATIONS = StaffRole.OPERATIONS.name();
    private static final String FACILITATOR = StaffRole.FACILITATOR.name();
    private static final String PARTNER = StaffRole.PARTNER.name();

    @Bean
    SecurityFilterChain console(HttpSecurity http, ConsoleProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console.css", "/attendance.js", "/favicon.ico", "/actuator/health/**", "/error").permitAll()
                        // facilitators: their day, delivery (only facilitators mark sessions delivered, as session-service says)
                        .requestMatchers(HttpMethod.POST, "/facilitator/cohorts/*/sessions/*/delivery").hasRole(FACILITATOR)
                        .requestMatchers("/facilitator/**").hasAnyRole(FACILITATOR, COORDINATOR, OPERATIONS)
                        .requestMatchers("/partner/**").hasRole(PARTNER)
                        // the cohort board and everything that changes a cohort
                        .requestMatchers("/cohorts/**", "/offers/**", "/certificates/**").hasAnyRole(COORDINATOR, OPERATIONS)
                        .requestMatchers("/actuator/**").hasRole(OPERATIONS)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo
                        .userAuthoritiesMapper(rolesFrom(properties.rolesClaim()))))
                .logout(logout -> logout.logoutSuccessUrl("/"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/forbidden"));
        return http.build();
    }

    /** Aula's roles from the ID token's (or user info's) roles claim, as {@code ROLE_...} authorities. */
    static GrantedAuthoritiesMapper rolesFrom(String claim) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                Object roles = authority instanceof OidcUserAuthority oidc ? oidc.getAttributes().get(claim)
                        : authority instanceof OAuth2UserAuthority user ? user.getAttributes().get(claim) : null;
                for (String value : values(roles)) {
                    StaffRole.fromClaim(value).ifPresent(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
                }
            }
            return mapped;
        };
    }

    private static Collection<String> values(@Nullable Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String one) {
            return List.of(one.split("[ ,]+"));
        }
        return List.of();
    }
}
