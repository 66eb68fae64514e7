package org.aula.certification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.aula.certification.application.Credentials;
import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.ShowDiplomaProgress;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.DiplomaProgress;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.ParticipantId;
import org.aula.certification.domain.Revocation;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Diplomas: a participant's, one by number, and its signed credential for staff; a participant's
 * progress towards each programme's diploma for staff and partners (their own officials only);
 * its verification for anyone.
 */
@RestController
@RequestMapping("/diplomas")
@Tag(name = "diplomas")
class DiplomasController {

    private final Diplomas diplomas;
    private final VerificationLinks links;
    private final Credentials credentials;
    private final ShowDiplomaProgress progress;
    private final Verifications verifications;
    private final Clock clock;

    DiplomasController(Diplomas diplomas, VerificationLinks links, Credentials credentials, ShowDiplomaProgress progress,
            Verifications verifications, Clock clock) {
        this.verifications = verifications;
        this.diplomas = diplomas;
        this.links = links;
        this.credentials = credentials;
        this.progress = progress;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "The diplomas of a participant, oldest first")
    List<DiplomaView> list(@RequestParam(required = false) @Nullable @IdOrCode String participantId) {
        if (participantId == null || participantId.isBlank()) {
            throw ApiProblem.invalidField("participantId", "give the participant whose diplomas to list");
        }
        return diplomas.heldBy(new ParticipantId(participantId)).stream().map(this::view).toList();
    }

    @GetMapping("/progress")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    @Operation(summary = "A participant's progress towards each programme's diploma: the required courses done (with the "
            + "certificate that counts) and those that remain, and the diploma once awarded. Optionally counting only what "
            + "one institution's officials hold; a partner sees only its own institution's, and naming another is 403.")
    List<ProgressView> progress(@RequestParam(required = false) @Nullable @IdOrCode String participantId,
            @RequestParam(required = false) @Nullable @IdOrCode String institutionCode) {
        String institution = Caller.current().institutionScope(institutionCode).orElse(null);
        if (participantId == null || participantId.isBlank()) {
            throw ApiProblem.invalidField("participantId", "give the participant whose progress to show");
        }
        return progress.of(new ParticipantId(participantId), institution).stream().map(this::view).toList();
    }

    @GetMapping("/{number}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "One diploma by its printed number, e.g. AULA-DIPLOMA-MMG-2019-000001")
    DiplomaView one(@PathVariable String number) {
        return view(find(number));
    }

    @GetMapping("/{number}/verification")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "Verify a diploma by its printed number (public): VALID, EXPIRED, or 404 UNKNOWN")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = Verifications.DiplomaAnswer.class)))
    @ApiResponse(responseCode = "404", description = "Aula never awarded this number (verificationStatus UNKNOWN)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = Verifications.UnknownProblem.class)))
    ResponseEntity<?> verify(@PathVariable String number) {
        return AwardNumber.parseDiploma(number)
                .flatMap(diplomas::withNumber)
                .<ResponseEntity<?>>map(diploma -> ResponseEntity.ok(verifications.of(diploma, diploma.statusAt(clock.instant()))))
                .orElseGet(() -> Verifications.unknown("Diploma", "Aula awarded no diploma with number " + number
                        + "; check it is typed as printed", number, Verifications.instance("/diplomas/{number}/verification", number)));
    }

    @GetMapping("/{number}/credential")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "The diploma as a signed Open Badges 3.0 credential (application/vc+jwt, or JSON to a JSON-only client)")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = CredentialSigner.MEDIA_TYPE, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SignedCredentials.Wrapped.class))})
    ResponseEntity<?> credential(@PathVariable String number,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable @jakarta.validation.constraints.Pattern(regexp = RequestedLanguage.TAG) String lang) {
        Diploma diploma = find(number);
        return SignedCredentials.answer(diploma.number().value(), credentials.of(diploma, RequestedLanguage.of(lang, null)),
                accept, CacheControl.noStore());
    }

    private Diploma find(String number) {
        return AwardNumber.parseDiploma(number).flatMap(diplomas::withNumber)
                .orElseThrow(() -> CertificateRefused.unknownDiploma(number));
    }

    private DiplomaView view(Diploma diploma) {
        Revocation revocation = diploma.revocation();
        return new DiplomaView(diploma.id().toString(), diploma.number().value(), diploma.programme().id().value(),
                diploma.programme().code(), diploma.programme().title(), diploma.programme().awardingInstitution(),
                diploma.holder().participantId().value(), diploma.holder().name(), diploma.holder().institutionCode(),
                diploma.certificateNumbers().stream().map(AwardNumber::value).toList(), diploma.awardedAt(),
                diploma.validUntil(), links.of(diploma.number()).toString(),
                diploma.statusAt(clock.instant()).name(),
                revocation == null ? null : revocation.revokedAt(), revocation == null ? null : revocation.reason());
    }

    private ProgressView view(DiplomaProgress progress) {
        return ProgressView.of(progress, links);
    }

    /** A diploma as staff and its holder see it; a revoked one says when and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DiplomaView(String diplomaId, String number, String programmeId, String programmeCode, String programmeTitle,
            String awardingInstitution, String participantId, String holderName, String institutionCode,
            List<String> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil, String verificationUrl,
            String status, @Nullable Instant revokedAt, @Nullable String revocationReason) {
    }

    /** How far a participant is towards one programme's diploma. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressView(String programmeId, String programmeCode, String programmeTitle, String awardingInstitution,
            String participantId, boolean complete, List<Course> done, List<Course> remaining,
            @Nullable String diplomaNumber) {

        static ProgressView of(DiplomaProgress progress, VerificationLinks links) {
            Diploma diploma = progress.diploma();
            return new ProgressView(progress.programme().id().value(), progress.programme().code(), progress.programme().title(),
                    progress.programme().awardingInstitution(), progress.participant().value(), progress.complete(),
                    progress.done().stream().map(course -> Course.of(course, links)).toList(),
                    progress.remaining().stream().map(course -> Course.of(course, links)).toList(),
                    diploma == null ? null : diploma.number().value());
        }

        /** A required course; once done, with the certificate that counts for it. */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Course(String courseCode, @Nullable String courseTitle, @Nullable String certificateNumber,
                @Nullable String verificationUrl) {

            static Course of(DiplomaProgress.RequiredCourse course, VerificationLinks links) {
                Certificate certificate = course.certificate();
                return certificate == null
                        ? new Course(course.courseCode(), null, null, null)
                        : new Course(course.courseCode(), certificate.course().title(), certificate.number().value(),
                                links.of(certificate.number()).toString());
            }
        }
    }
}
