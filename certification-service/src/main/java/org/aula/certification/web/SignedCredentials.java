package org.aula.certification.web;

import java.util.List;

import org.aula.certification.application.CredentialSigner;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a signed credential is answered: the compact VC-JWT as {@code application/vc+jwt} (the
 * default), or, to a client that asks for JSON only, {@code {"mediaType": ..., "jwt": ...}}.
 */
final class SignedCredentials {

    static final MediaType VC_JWT = MediaType.parseMediaType(CredentialSigner.MEDIA_TYPE);

    private SignedCredentials() {
    }

    static ResponseEntity<?> answer(String id, String jwt, @Nullable String accept, CacheControl cache) {
        if (wantsJson(accept)) {
            return ResponseEntity.ok().cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                    .body(new Wrapped(id, CredentialSigner.MEDIA_TYPE, jwt));
        }
        return ResponseEntity.ok().cacheControl(cache).contentType(VC_JWT).body(jwt);
    }

    private static boolean wantsJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        boolean jwtAccepted = accepted.stream().anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(VC_JWT));
        boolean jsonAccepted = accepted.stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.APPLICATION_JSON));
        return jsonAccepted && !jwtAccepted;
    }

    /** The JSON form: what was signed, its media type, and the token. */
    record Wrapped(String id, String mediaType, String jwt) {
    }
}
