package org.aula.certification.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.DefineAwarding;
import org.aula.certification.application.DefineOrganisation;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Awarding;
import org.aula.certification.domain.CertificateRefused;
import org.aula.certification.domain.Language;
import org.aula.certification.domain.Organisation;
import org.aula.certification.domain.Organisations;
import org.aula.events.runtime.security.Access;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Organisations by name, for staff: the awarding bodies named on certificates, diplomas and their
 * credentials, and the institutions that nominate officials; their logos; and who awards which
 * course and programme, in which language. A logo is public: documents and the verification page
 * show it.
 */
@RestController
@Tag(name = "organisations")
class OrganisationsController {

    private static final String CODE = Organisation.CODE;
    /**
     * Course and programme codes as enrollment-service's catalogue allows them, but starting with a
     * letter (as every code the catalogue holds does): a number is never taken for a code.
     */
    private static final String CATALOGUE_CODE = "[A-Z][A-Z0-9_-]{1,39}";
    private static final CacheControl LOGO_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final DefineOrganisation defineOrganisation;
    private final DefineAwarding defineAwarding;
    private final Organisations organisations;
    private final AwardingBodies bodies;
    private final VerificationLinks links;

    OrganisationsController(DefineOrganisation defineOrganisation, DefineAwarding defineAwarding, Organisations organisations,
            AwardingBodies bodies, VerificationLinks links) {
        this.defineOrganisation = defineOrganisation;
        this.defineAwarding = defineAwarding;
        this.organisations = organisations;
        this.bodies = bodies;
        this.links = links;
    }

    @GetMapping("/organisations")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Every named organisation, by code")
    List<OrganisationView> all() {
        return organisations.all().stream().map(this::view).toList();
    }

    @PutMapping("/organisations/{code}")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Name an organisation (an awarding body, or an institution by its code in the events), or rename "
            + "it; optionally with its logo: a PNG or JPEG in base64, at most 256 KB and 1024 pixels a side, stored "
            + "re-encoded as PNG (left out: the logo stays as it was)")
    OrganisationView name(@PathVariable @Pattern(regexp = CODE) String code, @Valid @RequestBody Naming naming) {
        return view(defineOrganisation.define(code, naming.name().strip(), naming.logo() == null ? null : decoded(naming.logo())));
    }

    /** Base64 (standard or URL-safe); anything else is an unusable logo, refused as such. */
    private static byte[] decoded(String base64) {
        try {
            return java.util.Base64.getMimeDecoder().decode(base64.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            throw CertificateRefused.unusableLogo("logo must be a PNG or JPEG image in base64");
        }
    }

    @GetMapping(path = "/organisations/{code}/logo")
    @PreAuthorize(Access.PUBLIC)
    @Operation(summary = "An organisation's logo, as PNG (public: certificates, credentials and the verification page show it)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.IMAGE_PNG_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such organisation, or it has no logo", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<byte[]> logoOf(@PathVariable @Pattern(regexp = CODE) String code) {
        byte[] png = bodies.logo(code).orElseThrow(() -> CertificateRefused.unknownOrganisation(code));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(LOGO_CACHE).body(png);
    }

    @PutMapping("/courses/{courseCode}/awarding")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Who awards a course's certificates (named organisations, the lead one first) and their language "
            + "(en, es); holds for certificates issued from now on")
    AwardingView awardCourse(@PathVariable @Pattern(regexp = CATALOGUE_CODE) String courseCode, @Valid @RequestBody Definition definition) {
        return view(defineAwarding.define(Awarding.Scope.COURSE, courseCode, definition.organisations(), definition.chosenLanguage(),
                definition.titlesByLanguage()));
    }

    @PutMapping("/programmes/{programmeCode}/awarding")
    @PreAuthorize(Access.PROGRAMME_STAFF)
    @Operation(summary = "Who awards a programme's diploma and its language; holds for diplomas awarded from now on")
    AwardingView awardProgramme(@PathVariable @Pattern(regexp = CATALOGUE_CODE) String programmeCode,
            @Valid @RequestBody Definition definition) {
        return view(defineAwarding.define(Awarding.Scope.PROGRAMME, programmeCode, definition.organisations(),
                definition.chosenLanguage(), definition.titlesByLanguage()));
    }

    private OrganisationView view(Organisation organisation) {
        return new OrganisationView(organisation.code(), organisation.name(),
                organisation.hasLogo() ? links.logo(organisation.code()) : null);
    }

    private static AwardingView view(Awarding awarding) {
        return new AwardingView(awarding.scope().name().toLowerCase(java.util.Locale.ROOT), awarding.code(),
                awarding.organisationCodes(), awarding.language().tag(),
                awarding.titles().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        entry -> entry.getKey().tag(), Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new)),
                awarding.definedAt().toString());
    }

    /** An organisation's name (one line, as printed) and, optionally, its logo in base64. */
    record Naming(@NotBlank @Size(max = Organisation.MAX_NAME_LENGTH)
            @Pattern(regexp = CertificatesController.RevocationRequest.SINGLE_LINE,
                    message = "must be one line of text, without control characters") String name,
            @Nullable @Schema(format = "byte", description = "a PNG or JPEG, base64") String logo) {
    }

    /**
     * Who awards, the lead organisation first; the language ({@code en} when left out); the title in
     * each language where it differs from the catalogue's.
     */
    record Definition(@NotEmpty @Size(max = Awarding.MAX_ORGANISATIONS) List<@Pattern(regexp = CODE) @NotBlank String> organisations,
            @Nullable @Schema(allowableValues = {"en", "es"}) @Pattern(regexp = "en|es", message = "must be en or es") String language,
            @Nullable @Valid Titles titles) {

        Language chosenLanguage() {
            return language == null ? Language.EN : Language.ofTag(language).orElseThrow();
        }

        Map<Language, String> titlesByLanguage() {
            Map<Language, String> byLanguage = new EnumMap<>(Language.class);
            if (titles != null && titles.en() != null && !titles.en().isBlank()) {
                byLanguage.put(Language.EN, titles.en().strip());
            }
            if (titles != null && titles.es() != null && !titles.es().isBlank()) {
                byLanguage.put(Language.ES, titles.es().strip());
            }
            return byLanguage;
        }
    }

    /** A title in English and/or Spanish, one line each. */
    record Titles(
            @Nullable @Size(max = Awarding.MAX_TITLE_LENGTH) @Pattern(regexp = CertificatesController.RevocationRequest.SINGLE_LINE,
                    message = "must be one line of text, without control characters") String en,
            @Nullable @Size(max = Awarding.MAX_TITLE_LENGTH) @Pattern(regexp = CertificatesController.RevocationRequest.SINGLE_LINE,
                    message = "must be one line of text, without control characters") String es) {
    }

    /** An organisation: its code, name, and where its logo is served (absent without one). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record OrganisationView(String code, String name, @Nullable String logoUrl) {
    }

    /** An awarding definition as recorded. */
    record AwardingView(String scope, String code, List<String> organisations, String language, Map<String, String> titles,
            String definedAt) {
    }
}
