package org.aula.certification.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aula.certification.application.Credentials;
import org.aula.certification.application.OpenBadgeCredentials;
import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.CertificateRefused;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What a verifier needs besides the credential, all public: the issuer's keys (JWKS), the issuer
 * profile, and the status lists that say which credentials are revoked.
 */
@RestController
@Tag(name = "verification")
class IssuerController {

    /** Verifiers may cache keys a while: a new key is published before it signs anything. */
    private static final CacheControl KEYS_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    /** Revocation becomes visible to caching verifiers within a minute. */
    private static final CacheControl STATUS_LIST_CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final CredentialSigner signer;
    private final Credentials credentials;
    private final VerificationLinks links;

    IssuerController(CredentialSigner signer, Credentials credentials, VerificationLinks links) {
        this.signer = signer;
        this.credentials = credentials;
        this.links = links;
    }

    @GetMapping("/.well-known/jwks.json")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "The issuer's public keys (JWK Set): the active key and retired keys, each with its kid (public)")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(KEYS_CACHE).contentType(MediaType.APPLICATION_JSON)
                .body(signer.publishedKeys());
    }

    @GetMapping("/issuer")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "The issuer profile named in every credential (public)")
    Map<String, Object> issuer() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", OpenBadgeCredentials.OPEN_BADGES_CONTEXT);
        profile.putAll(credentials.issuer());
        profile.put("url", links.issuerId());
        profile.put("jwks", links.keys());
        return profile;
    }

    @GetMapping("/status-lists/{listId}")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "A signed BitstringStatusListCredential (revocation) as application/vc+jwt, "
            + "or {\"id\",\"mediaType\",\"jwt\"} to a JSON-only client (public)")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = CredentialSigner.MEDIA_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SignedCredentials.Wrapped.class))})
    @ApiResponse(responseCode = "404", description = "No credential was ever placed in this list",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> statusList(@PathVariable String listId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        int id;
        try {
            id = Integer.parseInt(listId);
        } catch (NumberFormatException notANumber) {
            throw CertificateRefused.unknownStatusList(listId);
        }
        String jwt = credentials.statusList(id);
        return SignedCredentials.answer(links.statusList(id), jwt, accept, STATUS_LIST_CACHE);
    }
}
