package org.aula.certification.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.certification.application.RevokeHolderLink;
import org.aula.certification.application.SendHolderLink;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.HolderLink;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Programme staff give a certificate's holder a link to their copy (no account needed), re-send
 * it (the earlier links stop opening) and revoke a link, each with a reason. The link's token is
 * answered once, here, and never stored, logged or published.
 */
@RestController
@RequestMapping("/certificates/{number}/holder-links")
@Tag(name = "holder's copy")
class HolderLinksController {

    private final SendHolderLink sendHolderLink;
    private final RevokeHolderLink revokeHolderLink;
    private final VerificationLinks links;

    HolderLinksController(SendHolderLink sendHolderLink, RevokeHolderLink revokeHolderLink, VerificationLinks links) {
        this.sendHolderLink = sendHolderLink;
        this.revokeHolderLink = revokeHolderLink;
        this.links = links;
    }

    @PostMapping
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Make a link the holder opens without an account to see and download their certificate, with "
            + "a reason and an optional expiry (staff). The URL is answered once: only a hash of its token is kept.")
    @ApiResponse(responseCode = "201", description = "The link, with its URL")
    @ApiResponse(responseCode = "404", description = "No certificate has this number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The certificate is revoked",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<SentLink> send(@PathVariable String number, @Valid @RequestBody LinkRequest request) {
        return answer(sendHolderLink.send(parse(number), request.reason(), request.expiresAt(), Caller.current().subject()));
    }

    @PostMapping("/resend")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Re-send the holder's link, with a reason (staff): every earlier link of the certificate is "
            + "revoked and a new one made; holder-link.sent is published.")
    @ApiResponse(responseCode = "201", description = "The new link, with its URL")
    @ApiResponse(responseCode = "404", description = "No certificate has this number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The certificate is revoked",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<SentLink> resend(@PathVariable String number, @Valid @RequestBody LinkRequest request) {
        return answer(sendHolderLink.resend(parse(number), request.reason(), request.expiresAt(), Caller.current().subject()));
    }

    @PostMapping("/{linkId}/revocation")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Revoke one holder's link, with a reason (staff): it never opens again. Once only: again is 409.")
    @ApiResponse(responseCode = "404", description = "The certificate has no link with this id",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The link was revoked before",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    RevokedLink revoke(@PathVariable String number, @PathVariable String linkId,
            @Valid @RequestBody CertificatesController.RevocationRequest request) {
        HolderLink revoked = revokeHolderLink.revoke(parse(number), linkIdOf(linkId), request.reason(), Caller.current().subject());
        return new RevokedLink(revoked.id().toString(), number, revoked.revokedAt());
    }

    private ResponseEntity<SentLink> answer(SendHolderLink.Sent sent) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new SentLink(sent.link().id().toString(), sent.certificate().number().value(),
                        links.holderCopy(sent.token().value()).toString(), sent.link().createdAt(), sent.link().expiresAt()));
    }

    private static UUID linkIdOf(String linkId) {
        try {
            return UUID.fromString(linkId);
        } catch (IllegalArgumentException notAUuid) {
            String message = "must be a link id as answered when the link was made (a UUID)";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "linkId " + message,
                    List.of(new ApiProblem.FieldError("linkId", message)));
        }
    }

    private static AwardNumber parse(String number) {
        return AwardNumber.parseCertificate(number).orElseThrow(() -> CertificateRefused.unknownCertificate(number));
    }

    /** Why the holder gets a link (staff's own record; published in holder-link.sent), and until when it opens. */
    record LinkRequest(@NotBlank @Size(max = HolderLink.MAX_REASON_LENGTH)
            @Pattern(regexp = CertificatesController.RevocationRequest.SINGLE_LINE,
                    message = "must be one line of text, without control characters") String reason,
            @Nullable @Future Instant expiresAt) {
    }

    /** A link just made: {@code url} opens the holder's copy and is shown only now. */
    record SentLink(String linkId, String certificateNumber, String url, Instant createdAt, @Nullable Instant expiresAt) {
    }

    record RevokedLink(String linkId, String certificateNumber, @Nullable Instant revokedAt) {
    }
}
