package org.aula.events.runtime.security;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The roles each controller operation allows, read from its {@code @PreAuthorize}
 * ({@code hasRole('X')}, {@code hasAnyRole('X','Y')}; none, {@code isAuthenticated()} or
 * {@code permitAll()} allow every role, so not {@link Role#METRICS} nor {@link Role#REPORTING}), keyed {@code "POST /cohorts/{cohortId}/enrolments"} like
 * the OpenAPI document. Lets a test derive its 401/403 matrix from the code rather than a list kept by hand.
 */
public final class DeclaredRoles {

    private static final Pattern HAS_ROLE = Pattern.compile("^\\s*has(?:Any)?Role\\((.*)\\)\\s*$");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final Map<String, Set<Role>> byOperation;

    private DeclaredRoles(Map<String, Set<Role>> byOperation) {
        this.byOperation = Map.copyOf(byOperation);
    }

    /** Reads every operation the application's handler mapping (bean {@code requestMappingHandlerMapping}) serves. */
    public static DeclaredRoles of(RequestMappingHandlerMapping handlerMapping) {
        Map<String, Set<Role>> byOperation = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            Set<Role> roles = allowed(entry.getValue());
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? EnumSet.allOf(RequestMethod.class) : methods) {
                    byOperation.put(method.name() + " " + path, roles);
                }
            }
        }
        return new DeclaredRoles(byOperation);
    }

    /** Roles allowed per {@code "METHOD /path/{template}"}. */
    public Map<String, Set<Role>> byOperation() {
        return byOperation;
    }

    /** The roles allowed to call {@code method path} as token claim values ({@code coordinator}). */
    public Set<String> claimValues(String method, String path) {
        Set<Role> roles = byOperation.get(method.toUpperCase(Locale.ROOT) + " " + path);
        if (roles == null) {
            throw new IllegalArgumentException("no handler for " + method + " " + path);
        }
        return roles.stream().map(Role::claimValue).collect(Collectors.toSet());
    }

    private static Set<Role> apiRoles() {
        Set<Role> roles = EnumSet.allOf(Role.class);
        roles.removeIf(role -> !role.isEveryRole());
        return roles;
    }

    private static Set<Role> allowed(HandlerMethod handler) {
        Method method = handler.getMethod();
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null || rule.value().trim().equals("isAuthenticated()") || rule.value().trim().equals("permitAll()")) {
            return apiRoles();
        }
        Matcher hasRole = HAS_ROLE.matcher(rule.value());
        if (!hasRole.matches()) {
            throw new IllegalArgumentException("cannot read the roles of " + method + " from @PreAuthorize(\"" + rule.value()
                    + "\"); use hasRole/hasAnyRole or give the probe its roles by hand");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Matcher quoted = QUOTED.matcher(hasRole.group(1));
        while (quoted.find()) {
            String name = quoted.group(1);
            roles.add(Role.fromClaim(name.startsWith("ROLE_") ? name.substring(5) : name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown role " + name + " on " + method)));
        }
        return roles;
    }
}
