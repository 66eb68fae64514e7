package org.aula.certification.web;

import java.net.URI;
import java.time.Clock;

import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.VerifyCredential;
import org.aula.certification.application.VerifyCredential.Verdict;
import org.aula.certification.application.Wording;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.Language;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Public verification: anyone holding a certificate (an employer, a ministry) checks its number,
 * or presents its signed credential, and learns whether it stands. No authentication, ever. A person
 * (a browser, a phone that scanned the QR code) gets the number's answer as an HTML page.
 */
@RestController
@Tag(name = "verification")
class CertificateVerification {

    private final Certificates certificates;
    private final VerifyCredential verifyCredential;
    private final Verifications verifications;
    private final AwardingBodies bodies;
    private final Clock clock;

    CertificateVerification(Certificates certificates, VerifyCredential verifyCredential, Verifications verifications,
            AwardingBodies bodies, Clock clock) {
        this.bodies = bodies;
        this.certificates = certificates;
        this.verifications = verifications;
        this.verifyCredential = verifyCredential;
        this.clock = clock;
    }

    @GetMapping("/certificates/{number}/verification")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "Verify a certificate by its printed number (public): VALID, REVOKED, EXPIRED, or 404 UNKNOWN")
    @ApiResponse(responseCode = "200", description = "Aula issued this certificate; its status (VALID, REVOKED, EXPIRED) and "
            + "facts: JSON, or an HTML page for a client that ranks text/html above JSON (a browser, a phone after the QR code)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.CertificateAnswer.class)),
                    @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "404", description = "Aula never issued this number (verificationStatus UNKNOWN); HTML to a browser",
            content = {@Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.UnknownProblem.class)),
                    @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string"))})
    ResponseEntity<?> verify(@PathVariable String number,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        boolean page = VerificationPage.wanted(accept);
        Language requested = RequestedLanguage.of(lang, acceptLanguage);
        return AwardNumber.parseCertificate(number)
                .flatMap(certificates::withNumber)
                .<ResponseEntity<?>>map(certificate -> {
                    AwardingBodies.Bodies awarding = bodies.of(certificate);
                    Verifications.CertificateAnswer answer = verifications.of(certificate,
                            certificate.statusAt(clock.instant()), awarding);
                    return page ? html(HttpStatus.OK, VerificationPage.of(answer,
                            Wording.in(awarding.languageFor(requested)))) : ResponseEntity.ok(answer);
                })
                .orElseGet(() -> page ? html(HttpStatus.NOT_FOUND, VerificationPage.unknown(number,
                        Wording.in(requested == null ? Language.EN : requested))) : unknownNumber(number));
    }

    /** The page for a person; {@code Vary: Accept} so a cache keeps the HTML and the JSON apart. */
    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(VerificationPage.HTML)
                .varyBy(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Content-Security-Policy", VerificationPage.CONTENT_SECURITY_POLICY)
                .body(page);
    }

    @PostMapping(path = "/verifications", consumes = CredentialSigner.MEDIA_TYPE)
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "Verify a presented credential, the VC-JWT as the body (public)")
    @ApiResponse(responseCode = "200", description = "VALID, REVOKED or EXPIRED with the facts; INVALID with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "Signed by Aula for nothing Aula holds (verificationStatus UNKNOWN)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.UnknownProblem.class)))
    ResponseEntity<?> verifyToken(@RequestBody String credential) {
        return answer(verifyCredential.verify(credential));
    }

    @PostMapping(path = "/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "Verify a presented credential, given as {\"credential\": \"<VC-JWT>\"} (public)")
    @ApiResponse(responseCode = "200", description = "VALID, REVOKED or EXPIRED with the facts; INVALID with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "Signed by Aula for nothing Aula holds (verificationStatus UNKNOWN)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.UnknownProblem.class)))
    ResponseEntity<?> verifyJson(@Valid @RequestBody Presented presented) {
        return answer(verifyCredential.verify(presented.credential()));
    }

    private ResponseEntity<?> answer(Verdict verdict) {
        if (verdict instanceof VerifyCredential.OfCertificate certificate) {
            return ResponseEntity.ok(verifications.of(certificate.certificate(), certificate.status()));
        }
        if (verdict instanceof VerifyCredential.OfDiploma diploma) {
            return ResponseEntity.ok(verifications.of(diploma.diploma(), diploma.status()));
        }
        if (verdict instanceof VerifyCredential.Invalid invalid) {
            return ResponseEntity.ok(Verifications.Invalid.because(invalid.reason()));
        }
        VerifyCredential.Unknown unknown = (VerifyCredential.Unknown) verdict;
        return Verifications.unknown("Credential", "Aula holds nothing issued as " + unknown.credentialId(), null,
                URI.create("/verifications"));
    }

    private static ResponseEntity<?> unknownNumber(String number) {
        return Verifications.unknown("Certificate", "Aula issued no certificate with number " + number
                + "; check it is typed as printed", number, Verifications.instance("/certificates/{number}/verification", number));
    }

    /** A credential presented for verification. */
    record Presented(@NotBlank String credential) {
    }
}
