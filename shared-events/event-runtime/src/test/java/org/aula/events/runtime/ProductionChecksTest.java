package org.aula.events.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The production profile refuses to start on local defaults: no issuer, no signing keys, a localhost public URL. */
class ProductionChecksTest {

    private static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.org/realms/aula";
    // What certification-service's own configuration declares.
    private static final String[] CERTIFICATION = {
            "aula.production.required=aula.certification.signing.jwks|aula.certification.signing.jwks-file",
            "aula.production.public-urls=aula.certification.public-base-url",
            "aula.certification.public-base-url=http://localhost:8083"};

    @Test
    void withoutATokenIssuerTheServiceDoesNotStart() {
        assertThatThrownBy(() -> start(true))
                .hasMessageContaining("production profile needs spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }

    @Test
    void withoutSigningKeysOrWithALocalhostPublicUrlCertificationDoesNotStart() {
        assertThatThrownBy(() -> start(true, concat(CERTIFICATION, ISSUER)))
                .hasMessageContaining("aula.certification.signing.jwks or aula.certification.signing.jwks-file")
                .hasMessageContaining("aula.certification.public-base-url (now http://localhost:8083)")
                .message().doesNotContain("issuer-uri");
        assertThatThrownBy(() -> start(true, concat(CERTIFICATION, ISSUER, "aula.certification.signing.jwks-file=/run/secrets/jwks.json",
                "aula.certification.public-base-url=http://127.0.0.1:8083")))
                .hasMessageContaining("public-base-url (now http://127.0.0.1:8083)")
                .message().doesNotContain("signing");
    }

    @Test
    void withAllOfThemItStarts() {
        try (ConfigurableApplicationContext context = start(true, concat(CERTIFICATION, ISSUER,
                "aula.certification.signing.jwks-file=/run/secrets/jwks.json",
                "aula.certification.public-base-url=https://certificates.example.org"))) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void outsideProductionLocalDefaultsAreFine() {
        try (ConfigurableApplicationContext context = start(false, CERTIFICATION)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(boolean production, String... properties) {
        return new SpringApplicationBuilder(Empty.class)
                .web(WebApplicationType.NONE)
                .profiles(production ? new String[] {AulaServiceDefaults.PRODUCTION_PROFILE} : new String[0])
                .properties("spring.main.banner-mode=off", "spring.config.name=production-checks-test")
                .properties(properties)
                .run();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
