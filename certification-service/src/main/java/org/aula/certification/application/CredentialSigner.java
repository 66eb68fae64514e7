package org.aula.certification.application;

import java.util.Map;

/**
 * Secures the credentials this service builds, and checks the ones it is shown: the one door to
 * the issuer's keys. What a credential says is decided here, in {@code application}
 * ({@link OpenBadgeCredentials}); how it is signed, with which key, lives behind this port (the
 * {@code signing} package: VC-JWT, ES256, keys from configuration or the database).
 */
public interface CredentialSigner {

    /** The media type of a signed credential: a compact JWS whose payload is the credential. */
    String MEDIA_TYPE = "application/vc+jwt";

    /** Signs a credential with the active key; the token's registered claims mirror the credential's fields. */
    String sign(Map<String, Object> credential);

    /**
     * Checks a presented token against every key this issuer ever published.
     *
     * @return its claims as a JSON object (dates in seconds since the epoch, as in a JWT)
     * @throws SignatureRefused when it is not a credential this issuer signed, and why
     */
    Map<String, Object> verify(String token);

    /** The keys a verifier needs, public parts only: the JWK Set document ({@code {"keys": [...]}}). */
    Map<String, Object> publishedKeys();
}
