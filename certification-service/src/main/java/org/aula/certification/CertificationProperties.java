package org.aula.certification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of certification-service ({@code aula.certification.*}).
 *
 * @param publicBaseUrl         where the public can reach this service: verification links printed on
 *                              certificates and published in events, the issuer id, status list and key
 *                              URLs all start with it. Default {@code http://localhost:8083}; set it to the
 *                              public host in production, since printed links outlive deployments.
 * @param issuerName            the issuer's name in credentials and on the printed certificate. Default {@code Aula}.
 * @param credentialValidity    how long a certificate or diploma is valid after issue ({@code validUntil},
 *                              the JWT's {@code exp}); default none: completed courses do not expire. Applies
 *                              to credentials issued after it is set.
 * @param erasedHolderName      the pseudonym that replaces an erased participant's name. Default
 *                              {@code Erased participant}.
 * @param signing               where the signing keys come from (default: generated and kept in the database)
 * @param completionRateRefresh how often the completion-rate gauges are re-read from the database. Default 30 s.
 */
@ConfigurationProperties("aula.certification")
public record CertificationProperties(
        @DefaultValue("http://localhost:8083") URI publicBaseUrl,
        @DefaultValue("Aula") String issuerName,
        @Nullable Duration credentialValidity,
        @DefaultValue("Erased participant") String erasedHolderName,
        @DefaultValue Signing signing,
        @DefaultValue("30s") Duration completionRateRefresh) {

    @ConstructorBinding
    public CertificationProperties {
        if (publicBaseUrl == null || !publicBaseUrl.isAbsolute()
                || !("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme()))) {
            throw new IllegalArgumentException("aula.certification.public-base-url must be an absolute http(s) URL, not " + publicBaseUrl);
        }
        if (issuerName == null || issuerName.isBlank()) {
            throw new IllegalArgumentException("aula.certification.issuer-name must not be blank");
        }
        if (credentialValidity != null && (credentialValidity.isNegative() || credentialValidity.isZero())) {
            throw new IllegalArgumentException("aula.certification.credential-validity must be positive when set");
        }
        if (erasedHolderName == null || erasedHolderName.isBlank()) {
            throw new IllegalArgumentException("aula.certification.erased-holder-name must not be blank");
        }
        if (signing == null) {
            signing = Signing.GENERATED;
        }
        if (completionRateRefresh == null || completionRateRefresh.isNegative() || completionRateRefresh.isZero()) {
            throw new IllegalArgumentException("aula.certification.completion-rate-refresh must be positive");
        }
    }

    /** Only a public base URL; every other knob at its default. */
    public CertificationProperties(URI publicBaseUrl) {
        this(publicBaseUrl, "Aula", null, "Erased participant", Signing.GENERATED, Duration.ofSeconds(30));
    }

    /**
     * The issuer's signing keys ({@code aula.certification.signing.*}): EC P-256 JWKs (ES256), each
     * with a {@code kid}. When neither {@code jwks} nor {@code jwks-file} is set, a key is generated
     * at first start and kept in the database.
     *
     * @param jwks        a JWK Set JSON ({@code {"keys":[...]}}), e.g. from a secret in env
     *                    {@code AULA_CERTIFICATION_SIGNING_JWKS}. Keys with a private part can sign;
     *                    public-only keys are retired keys that still verify.
     * @param jwksFile    a file holding such a JWK Set (e.g. a mounted secret); merged with {@code jwks}
     * @param activeKeyId the kid of the key that signs; default: the first key with a private part
     */
    public record Signing(@Nullable String jwks, @Nullable Path jwksFile, @Nullable String activeKeyId) {

        public static final Signing GENERATED = new Signing(null, null, null);

        /** Whether keys come from configuration rather than from the database. */
        public boolean configured() {
            return (jwks != null && !jwks.isBlank()) || jwksFile != null;
        }

        @Override
        public String toString() {
            // never print key material
            return "Signing[jwks=" + (jwks == null ? "unset" : "set") + ", jwksFile=" + jwksFile + ", activeKeyId=" + activeKeyId + "]";
        }
    }
}
