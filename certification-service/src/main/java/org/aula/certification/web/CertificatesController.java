package org.aula.certification.web;

import java.util.List;

import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.CertificateNumber;
import org.aula.certification.domain.CertificateQuery;
import org.aula.certification.domain.Certificates;
import org.aula.certification.domain.CohortId;
import org.aula.certification.domain.ParticipantId;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Certificates for programme staff: a cohort's, a participant's, or one by its number. */
@RestController
@RequestMapping("/certificates")
@Tag(name = "certificates")
class CertificatesController {

    private final Certificates certificates;
    private final VerificationLinks links;

    CertificatesController(Certificates certificates, VerificationLinks links) {
        this.certificates = certificates;
        this.links = links;
    }

    @GetMapping
    @Operation(summary = "Certificates of a cohort and/or a participant (at least one of the two is required)")
    List<CertificateView> list(@RequestParam(required = false) @Nullable String cohortId,
            @RequestParam(required = false) @Nullable String participantId) {
        boolean noCohort = cohortId == null || cohortId.isBlank();
        boolean noParticipant = participantId == null || participantId.isBlank();
        if (noCohort && noParticipant) {
            String message = "give cohortId or participantId (or both)";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", message, List.of(
                    new ApiProblem.FieldError("cohortId", message),
                    new ApiProblem.FieldError("participantId", message)));
        }
        CertificateQuery query = new CertificateQuery(noCohort ? null : new CohortId(cohortId),
                noParticipant ? null : new ParticipantId(participantId));
        return certificates.matching(query).stream()
                .map(certificate -> CertificateView.of(certificate, links.of(certificate.number()).toString()))
                .toList();
    }

    @GetMapping("/{number}")
    @Operation(summary = "One certificate by its printed number, e.g. AULA-BMM-2019-000001")
    CertificateView one(@PathVariable String number) {
        return CertificateNumber.parse(number)
                .flatMap(certificates::withNumber)
                .map(certificate -> CertificateView.of(certificate, links.of(certificate.number()).toString()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "Certificate not found",
                        "no certificate has number " + number, List.of()));
    }
}
