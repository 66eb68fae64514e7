package org.aula.certification.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.Credentials;
import org.aula.certification.application.OpenHolderCopy;
import org.aula.certification.application.ShowDiplomaProgress;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.application.Wording;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Language;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

/**
 * The holder's copy: whoever has the link (the holder, without an account) sees their certificate
 * and downloads its PDF and signed credential, and nothing else. A token that is unknown, revoked,
 * expired or malformed gets one and the same 404, which neither echoes it nor says which. The
 * answers are never cached and never sent on as a referrer, since their addresses carry the token.
 */
@RestController
@Tag(name = "holder's copy")
class HolderCopyController {

    private static final String NOT_OPENED = "This link opens nothing: it may have been revoked or have expired, "
            + "or be mistyped. Ask the programme for a new one.";

    private final OpenHolderCopy openHolderCopy;
    private final Verifications verifications;
    private final AwardingBodies bodies;
    private final Credentials credentials;
    private final CertificatePdf pdf;
    private final VerificationLinks links;
    private final ShowDiplomaProgress progress;
    private final Clock clock;

    HolderCopyController(OpenHolderCopy openHolderCopy, Verifications verifications, AwardingBodies bodies,
            Credentials credentials, CertificatePdf pdf, VerificationLinks links, ShowDiplomaProgress progress, Clock clock) {
        this.progress = progress;
        this.openHolderCopy = openHolderCopy;
        this.verifications = verifications;
        this.bodies = bodies;
        this.credentials = credentials;
        this.pdf = pdf;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping("/holder/{token}")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "The holder's copy (public, with the link's token): the certificate's status and facts with "
            + "the addresses of its PDF and signed credential; an HTML page for a browser")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = HolderCopy.class)), @Content(mediaType = MediaType.TEXT_HTML_VALUE)})
    @ApiResponse(responseCode = "404", description = "The link opens nothing (unknown, revoked or expired: one answer)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> copy(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return opened(token, certificate -> {
            AwardingBodies.Bodies awarding = bodies.of(certificate);
            Verifications.CertificateAnswer answer = verifications.of(certificate, certificate.statusAt(clock.instant()),
                    awarding);
            Language language = awarding.languageFor(RequestedLanguage.of(lang, acceptLanguage));
            String base = links.holderCopy(token).toString();
            String pdfUrl = base + "/certificate.pdf?lang=" + language.tag();
            String credentialUrl = base + "/credential?lang=" + language.tag();
            // The holder's own progress towards the diplomas of programmes they have begun, whoever nominated them.
            List<DiplomasController.ProgressView> diplomas = progress.of(certificate.holder().participantId(), null).stream()
                    .filter(each -> !each.done().isEmpty() || each.diploma() != null)
                    .map(each -> DiplomasController.ProgressView.of(each, links)).toList();
            if (VerificationPage.wanted(accept)) {
                return confidential(ResponseEntity.ok())
                        .contentType(VerificationPage.HTML)
                        .varyBy(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)
                        .header("Content-Security-Policy", VerificationPage.CONTENT_SECURITY_POLICY)
                        .body(VerificationPage.holderCopy(answer, Wording.in(language), pdfUrl, credentialUrl, diplomas));
            }
            return confidential(ResponseEntity.ok()).varyBy(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE)
                    .body(new HolderCopy(answer, pdfUrl, credentialUrl, diplomas));
        });
    }

    @GetMapping("/holder/{token}/certificate.pdf")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "The holder's printable certificate (public, with the link's token); language of ?lang= "
            + "(en, es), else of Accept-Language, else the course's awarding language")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CertificatePdf.MEDIA_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "The link opens nothing (unknown, revoked or expired: one answer)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> pdf(@PathVariable String token,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        return opened(token, certificate -> confidential(ResponseEntity.ok())
                .contentType(MediaType.parseMediaType(CertificatePdf.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(certificate.number().value() + ".pdf").build().toString())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                .body(pdf.render(certificate, RequestedLanguage.of(lang, acceptLanguage))));
    }

    @GetMapping("/holder/{token}/credential")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "The holder's signed Open Badges 3.0 credential (public, with the link's token): "
            + "application/vc+jwt, or {\"id\",\"mediaType\",\"jwt\"} to a client that accepts only JSON")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SignedCredentials.Wrapped.class))})
    @ApiResponse(responseCode = "404", description = "The link opens nothing (unknown, revoked or expired: one answer)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<?> credential(@PathVariable String token,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang) {
        return opened(token, certificate -> {
            ResponseEntity<?> answer = SignedCredentials.answer(certificate.number().value(),
                    credentials.of(certificate, RequestedLanguage.of(lang, null)), accept, CacheControl.noStore());
            return confidential(ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())).body(answer.getBody());
        });
    }

    private ResponseEntity<?> opened(String token, Function<Certificate, ResponseEntity<?>> answer) {
        return openHolderCopy.open(token).<ResponseEntity<?>>map(answer).orElseGet(HolderCopyController::notOpened);
    }

    /** The one answer to a link that opens nothing: it never repeats the token (nor the request's path). */
    private static ResponseEntity<?> notOpened() {
        ProblemDetail problem = new ApiProblem(HttpStatus.NOT_FOUND, "Link not found", NOT_OPENED, List.of()).body();
        // Else Spring fills in the request's path, token and all.
        problem.setInstance(URI.create("/holder"));
        return confidential(ResponseEntity.status(HttpStatus.NOT_FOUND)).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity.BodyBuilder confidential(ResponseEntity.BodyBuilder builder) {
        return builder.cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex");
    }

    /**
     * The holder's copy for a client that asks for JSON: the verification answer, where to download,
     * and the holder's progress towards each programme's diploma.
     */
    record HolderCopy(Verifications.CertificateAnswer certificate, String pdf, String credential,
            List<DiplomasController.ProgressView> diplomaProgress) {
    }

}
