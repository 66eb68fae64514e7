package org.aula.certification.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.List;

import org.aula.certification.application.Credentials;
import org.aula.certification.application.IssueCertificateByHand;
import org.aula.certification.application.RevokeCertificate;
import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.CertificateQuery;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.Completion;
import org.aula.certification.domain.CompletionId;
import org.aula.certification.domain.Course;
import org.aula.certification.domain.Holder;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Revocation;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Certificates for programme staff: a cohort's, a participant's, or one by its number; its signed
 * credential and printable PDF; and its revocation. Partners list the certificates of the
 * officials their institution nominated, and no others.
 */
@RestController
@RequestMapping("/certificates")
@Tag(name = "certificates")
class CertificatesController {

    private final Certificates certificates;
    private final VerificationLinks links;
    private final Credentials credentials;
    private final RevokeCertificate revokeCertificate;
    private final CertificatePdf pdf;
    private final Verifications verifications;
    private final IssueCertificateByHand issueByHand;
    private final Clock clock;

    CertificatesController(Certificates certificates, VerificationLinks links, Credentials credentials,
            RevokeCertificate revokeCertificate, CertificatePdf pdf, Verifications verifications,
            IssueCertificateByHand issueByHand, Clock clock) {
        this.issueByHand = issueByHand;
        this.verifications = verifications;
        this.certificates = certificates;
        this.links = links;
        this.credentials = credentials;
        this.revokeCertificate = revokeCertificate;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    @Operation(summary = "Certificates of a cohort and/or a participant (at least one of the two is required), optionally "
            + "only of holders one institution nominated. A partner sees only its own institution's holders; naming "
            + "another institution is 403.")
    List<CertificateView> list(@RequestParam(required = false) @Nullable @IdOrCode String cohortId,
            @RequestParam(required = false) @Nullable @IdOrCode String participantId,
            @RequestParam(required = false) @Nullable @IdOrCode String institutionCode) {
        String institution = Caller.current().institutionScope(institutionCode).orElse(null);
        boolean noCohort = cohortId == null || cohortId.isBlank();
        boolean noParticipant = participantId == null || participantId.isBlank();
        if (noCohort && noParticipant) {
            String message = "give cohortId or participantId (or both)";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", message, List.of(
                    new ApiProblem.FieldError("cohortId", message),
                    new ApiProblem.FieldError("participantId", message)));
        }
        CertificateQuery query = new CertificateQuery(noCohort ? null : new CohortId(cohortId),
                noParticipant ? null : new ParticipantId(participantId), institution);
        return certificates.matching(query).stream()
                .map(certificate -> CertificateView.of(certificate, links.of(certificate.number()).toString()))
                .toList();
    }

    @GetMapping("/{number}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "One certificate by its printed number, e.g. AULA-BMM-2019-000001")
    CertificateView one(@PathVariable String number) {
        Certificate certificate = find(number);
        return CertificateView.of(certificate, links.of(certificate.number()).toString());
    }

    @GetMapping("/{number}/credential")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "The certificate as a signed Open Badges 3.0 credential: application/vc+jwt, "
            + "or {\"id\",\"mediaType\",\"jwt\"} to a client that accepts only application/json; display fields in the "
            + "language of ?lang= (en, es), else the course's awarding language")
    @ApiResponse(responseCode = "200", description = "The VC-JWT (ES256, kid in the header; keys at /.well-known/jwks.json)",
            content = {@Content(mediaType = CredentialSigner.MEDIA_TYPE, schema = @Schema(type = "string")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SignedCredentials.Wrapped.class))})
    ResponseEntity<?> credential(@PathVariable String number,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang) {
        Certificate certificate = find(number);
        return SignedCredentials.answer(certificate.number().value(), credentials.of(certificate, RequestedLanguage.of(lang, null)),
                accept, CacheControl.noStore());
    }

    @GetMapping("/{number}/pdf")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "The printable certificate (PDF), with its verification URL and QR code; in the language of "
            + "?lang= (en, es), else of Accept-Language, else the course's awarding language")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = CertificatePdf.MEDIA_TYPE,
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> pdf(@PathVariable String number,
            @RequestParam(required = false) @Nullable @Pattern(regexp = RequestedLanguage.TAG) String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) @Nullable String acceptLanguage) {
        Certificate certificate = find(number);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CertificatePdf.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(certificate.number().value() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
                .body(pdf.render(certificate, RequestedLanguage.of(lang, acceptLanguage)));
    }

    @PostMapping("/{number}/revocation")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Revoke a certificate, with the reason verifiers will see (staff). Once only: again is 409.")
    @ApiResponse(responseCode = "200", description = "Revoked: the verification answer, now REVOKED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.CertificateAnswer.class)))
    @ApiResponse(responseCode = "404", description = "No certificate has this number",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "409", description = "The certificate was revoked before",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    Verifications.CertificateAnswer revoke(@PathVariable String number, @Valid @RequestBody RevocationRequest request) {
        AwardNumber parsed = AwardNumber.parseCertificate(number).orElseThrow(() -> CertificateRefused.unknownCertificate(number));
        Certificate revoked = revokeCertificate.revoke(parsed, request.reason());
        return verifications.of(revoked, revoked.statusAt(clock.instant()));
    }

    @PostMapping
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Issue a certificate by hand, with a reason (staff), for a completion the automatic flow did not "
            + "cover (decided before the platform, or a correction): numbered, placed in a status list and announced "
            + "(certificate.issued, then certificate.issued-by-hand with who and why) exactly as an automatic one")
    @ApiResponse(responseCode = "201", description = "Issued")
    @ApiResponse(responseCode = "409", description = "A certificate already stands for this participant in this cohort",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<CertificateView> issue(@Valid @RequestBody ManualIssueRequest request) {
        // Checked here rather than by annotations, so that a caller without the role hears 403 first.
        Instant now = clock.instant();
        if (request.endDate().isBefore(request.startDate())) {
            throw badDate("endDate", "must not be before startDate");
        }
        if (request.endDate().isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC)) || request.endDate().getYear() < 1000) {
            throw badDate("endDate", "must be a past day (a course that has ended)");
        }
        Completion completion = new Completion(new CompletionId("manual-" + UUID.randomUUID()),
                new Holder(new ParticipantId(request.participantId()), request.participantName(), request.institutionCode()),
                new Course(request.courseCode(), request.courseTitle(), request.courseHours()),
                new org.aula.certification.domain.Cohort(new CohortId(request.cohortId()), request.cohortCode(),
                        request.startDate(), request.endDate()),
                ManualIssueRequest.RULE_VERSION,
                request.passedAssessments() == null ? List.of() : request.passedAssessments(), now);
        Certificate issued = issueByHand.issue(completion, Caller.current().subject(), request.reason());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(CertificateView.of(issued, links.of(issued.number()).toString()));
    }

    private static ApiProblem badDate(String field, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", field + " " + message,
                List.of(new ApiProblem.FieldError(field, message)));
    }

    private Certificate find(String number) {
        return AwardNumber.parseCertificate(number)
                .flatMap(certificates::withNumber)
                .orElseThrow(() -> CertificateRefused.unknownCertificate(number));
    }

    /**
     * A certificate issued by hand: the facts a {@code course.completed} would carry, and why. The
     * credential's criteria name the rule {@value #RULE_VERSION}.
     */
    record ManualIssueRequest(
            @NotBlank @IdOrCode String participantId,
            @NotBlank @Size(max = 200) @Pattern(regexp = RevocationRequest.SINGLE_LINE, message = ONE_LINE) String participantName,
            @NotBlank @IdOrCode String institutionCode,
            @NotBlank @Pattern(regexp = COURSE_CODE, message = "must be 1 to 32 letters or digits, optionally joined by '-' or '_'")
            @Size(max = 32) String courseCode,
            @NotBlank @Size(max = 300) @Pattern(regexp = RevocationRequest.SINGLE_LINE, message = ONE_LINE) String courseTitle,
            @Positive @Max(10_000) int courseHours,
            @NotBlank @IdOrCode String cohortId,
            @NotBlank @IdOrCode String cohortCode,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @Nullable @Size(max = 20) List<@NotBlank @Size(max = 300) @Pattern(regexp = RevocationRequest.SINGLE_LINE,
                    message = ONE_LINE) String> passedAssessments,
            @NotBlank @Size(max = Revocation.MAX_REASON_LENGTH)
            @Pattern(regexp = RevocationRequest.SINGLE_LINE, message = ONE_LINE) String reason) {

        /** The rule a certificate issued by hand names: staff decided, with the reason on record. */
        static final String RULE_VERSION = "issued-by-hand";
        static final String COURSE_CODE = "[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*";
        static final String ONE_LINE = "must be one line of text, without control characters";
    }

    /** Why staff revoke a certificate; public, verifiers see it. */
    record RevocationRequest(@NotBlank @Size(max = Revocation.MAX_REASON_LENGTH)
            @Pattern(regexp = SINGLE_LINE, message = "must be one line of text, without control characters") String reason) {

        /** No control character (NUL, line breaks, ...) and no unpaired surrogate: a reason is one line verifiers read. */
        static final String SINGLE_LINE = "[^\\p{Cc}\\p{Cs}]*";
    }
}
