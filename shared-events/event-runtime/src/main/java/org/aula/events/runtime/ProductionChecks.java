package org.aula.events.runtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a service under the {@value AulaServiceDefaults#PRODUCTION_PROFILE} profile while
 * a setting that must not fall back to a local default is missing: the token issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), each property group a service lists
 * in {@code aula.production.required} ({@code a|b}: one of them set, e.g. the signing keys), and each
 * URL property in {@code aula.production.public-urls}, which must name a public host, not localhost
 * (a URL signed into credentials outlives the deployment). Outside production nothing is checked.
 */
public class ProductionChecks implements EnvironmentPostProcessor, Ordered {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(AulaServiceDefaults.PRODUCTION_PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty(ISSUER))) {
            problems.add(ISSUER + " (env SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI): the identity provider whose tokens are trusted");
        }
        for (String group : list(environment, "aula.production.required")) {
            List<String> alternatives = Arrays.stream(group.split("\\|")).map(String::trim).toList();
            if (alternatives.stream().noneMatch(name -> StringUtils.hasText(environment.getProperty(name)))) {
                problems.add(String.join(" or ", alternatives));
            }
        }
        for (String name : list(environment, "aula.production.public-urls")) {
            String value = environment.getProperty(name);
            if (!isPublic(value)) {
                problems.add(name + " (now " + value + "): the public https URL of this service");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the production profile needs " + String.join("; ", problems));
        }
    }

    private static List<String> list(ConfigurableEnvironment environment, String name) {
        String[] values = environment.getProperty(name, String[].class, new String[0]);
        return Arrays.stream(values).map(String::trim).filter(StringUtils::hasText).toList();
    }

    private static boolean isPublic(String url) {
        if (!StringUtils.hasText(url)) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && !host.isEmpty() && !host.equals("localhost") && !host.endsWith(".localhost")
                    && !host.startsWith("127.") && !host.equals("[::1]") && !host.equals("0.0.0.0");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public int getOrder() {
        // After the config data (application files, profiles) and the service defaults are in.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
