package org.aula.certification;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.Map;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A verifier that shares no code with the issuer: jjwt (the service signs with Nimbus), fed with
 * nothing but the JWK Set the service publishes over HTTP.
 */
final class ThirdPartyVerifier {

    private ThirdPartyVerifier() {
    }

    /**
     * Checks signature, {@code nbf} and {@code exp}; throws jjwt's exception when any fails. An
     * {@code OpenBadgeCredential} must also conform to Open Badges 3.0 ({@link OpenBadgesConformance}):
     * so every credential the tests fetch is checked against the schema.
     */
    static Jws<Claims> verify(String token, String publishedJwks) {
        Jws<Claims> verified = signatureChecked(token, publishedJwks);
        JsonNode credential = payload(token);
        if (credential.path("type").valueStream().anyMatch(type -> "OpenBadgeCredential".equals(type.asString()))) {
            OpenBadgesConformance.assertConforms(credential);
        }
        return verified;
    }

    private static Jws<Claims> signatureChecked(String token, String publishedJwks) {
        JwkSet keys = Jwks.setParser().build().parse(publishedJwks);
        return Jwts.parser()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        return keys.getKeys().stream()
                                .filter(key -> key.getId().equals(header.getKeyId()))
                                .findFirst()
                                .map(Jwk::toKey)
                                .orElseThrow(() -> new IllegalStateException("kid " + header.getKeyId() + " is not published"));
                    }
                })
                .build()
                .parseSignedClaims(token);
    }

    /** The payload as JSON, without checking anything (to see what a token says, or to tamper with it). */
    static JsonNode payload(String token) {
        return JsonMapper.shared().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** The same token with a changed payload and the original signature. */
    static String tampered(String token, String find, String replace) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!payload.contains(find)) {
            throw new IllegalArgumentException("the payload does not contain " + find);
        }
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(find, replace).getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object claim) {
        return (Map<String, Object>) claim;
    }
}
