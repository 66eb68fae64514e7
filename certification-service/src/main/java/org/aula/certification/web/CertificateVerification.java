package org.aula.certification.web;

import java.time.Instant;
import java.time.LocalDate;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CertificateNumber;
import org.aula.certification.domain.CertificateStatus;
import org.aula.certification.domain.Certificates;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public verification: anyone holding a certificate (an employer, a ministry) checks its number
 * and sees what it attests. No authentication, ever: the number is the only key.
 */
@RestController
@Tag(name = "verification")
class CertificateVerification {

    /** What a verifier is told about a number Aula never issued. */
    static final String UNKNOWN = "UNKNOWN";

    private final Certificates certificates;

    CertificateVerification(Certificates certificates) {
        this.certificates = certificates;
    }

    @GetMapping("/certificates/{number}/verification")
    @Operation(summary = "Verify a certificate by its printed number (public)")
    @ApiResponse(responseCode = "200", description = "Aula issued this certificate; its status and facts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Verification.class)))
    @ApiResponse(responseCode = "404", description = "Aula never issued this number (status UNKNOWN)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = Unknown.class)))
    ResponseEntity<?> verify(@PathVariable String number) {
        return CertificateNumber.parse(number)
                .flatMap(certificates::withNumber)
                .<ResponseEntity<?>>map(certificate -> ResponseEntity.ok(Verification.of(certificate)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(Unknown.of(number)));
    }

    /**
     * A certificate Aula issued: its status and the facts printed on it. The participant's internal
     * id stays out; the holder's name is what a verifier compares with the paper.
     */
    record Verification(
            CertificateStatus status,
            String number,
            String certificateId,
            String holderName,
            String institutionCode,
            String courseCode,
            String courseTitle,
            int courseHours,
            String cohortId,
            String cohortCode,
            LocalDate startDate,
            LocalDate endDate,
            Instant issuedAt) {

        static Verification of(Certificate certificate) {
            return new Verification(
                    certificate.status(),
                    certificate.number().value(),
                    certificate.id().toString(),
                    certificate.holder().name(),
                    certificate.holder().institutionCode(),
                    certificate.course().code(),
                    certificate.course().title(),
                    certificate.course().hours(),
                    certificate.cohort().id().value(),
                    certificate.cohort().code(),
                    certificate.cohort().startDate(),
                    certificate.cohort().endDate(),
                    certificate.issuedAt());
        }
    }

    /**
     * RFC 9457 problem for a number Aula never issued. {@code status} carries the verification
     * status, like the 200 answer, so a verifier reads one field either way; the HTTP status code
     * is 404.
     */
    record Unknown(String title, String status, String detail, String number) {

        static Unknown of(String number) {
            return new Unknown("Certificate unknown", UNKNOWN,
                    "Aula issued no certificate with number " + number + "; check it is typed as printed",
                    number);
        }
    }
}
