package org.aula.certification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.aula.certification.application.Credentials;
import org.aula.certification.application.CredentialSigner;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Diplomas;
import org.aula.certification.domain.ParticipantId;
import org.aula.events.runtime.security.Access;
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

/** Diplomas: a participant's, one by number, and its signed credential for staff; its verification for anyone. */
@RestController
@RequestMapping("/diplomas")
@Tag(name = "diplomas")
class DiplomasController {

    private final Diplomas diplomas;
    private final VerificationLinks links;
    private final Credentials credentials;
    private final Verifications verifications;
    private final Clock clock;

    DiplomasController(Diplomas diplomas, VerificationLinks links, Credentials credentials, Verifications verifications,
            Clock clock) {
        this.verifications = verifications;
        this.diplomas = diplomas;
        this.links = links;
        this.credentials = credentials;
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
        return new DiplomaView(diploma.id().toString(), diploma.number().value(), diploma.programme().id().value(),
                diploma.programme().code(), diploma.programme().title(), diploma.programme().awardingInstitution(),
                diploma.holder().participantId().value(), diploma.holder().name(), diploma.holder().institutionCode(),
                diploma.certificateNumbers().stream().map(AwardNumber::value).toList(), diploma.awardedAt(),
                diploma.validUntil(), links.of(diploma.number()).toString());
    }

    /** A diploma as staff and its holder see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DiplomaView(String diplomaId, String number, String programmeId, String programmeCode, String programmeTitle,
            String awardingInstitution, String participantId, String holderName, String institutionCode,
            List<String> certificateNumbers, Instant awardedAt, @Nullable Instant validUntil, String verificationUrl) {
    }
}
