package org.aula.certification.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.aula.certification.application.AwardingBodies;
import org.aula.certification.application.VerificationLinks;
import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.AwardNumber;
import org.aula.certification.domain.CertificateStatus;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.Revocation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answers of public verification, shared by the number look-ups and the credential check.
 * Every answer carries {@code verificationStatus}. The 200 answers keep {@code status} with the
 * same value (the field clients of the first version read); the 404 for an unknown number is an
 * RFC 9457 problem, whose {@code status} is the numeric HTTP status as the RFC requires. Answers
 * name the holder's institution ({@code institutionName}, besides its code) and the awarding
 * organisations.
 */
@Component
final class Verifications {

    private final AwardingBodies bodies;
    private final VerificationLinks links;

    Verifications(AwardingBodies bodies, VerificationLinks links) {
        this.bodies = bodies;
        this.links = links;
    }

    CertificateAnswer of(Certificate certificate, CertificateStatus status) {
        return of(certificate, status, bodies.of(certificate));
    }

    /** As {@link #of(Certificate, CertificateStatus)}, with the awarding the caller has read already. */
    CertificateAnswer of(Certificate certificate, CertificateStatus status, AwardingBodies.Bodies awarding) {
        VerificationStatus verificationStatus = VerificationStatus.of(status);
        Revocation revocation = certificate.revocation();
        return new CertificateAnswer(verificationStatus, verificationStatus,
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
                certificate.issuedAt(),
                certificate.validUntil(),
                revocation == null ? null : revocation.revokedAt(),
                revocation == null ? null : revocation.reason(),
                bodies.institutionName(certificate.holder().institutionCode()),
                organisations(awarding));
    }

    DiplomaAnswer of(Diploma diploma, CertificateStatus status) {
        VerificationStatus verificationStatus = VerificationStatus.of(status);
        return new DiplomaAnswer(verificationStatus, verificationStatus,
                diploma.number().value(),
                diploma.id().toString(),
                diploma.holder().name(),
                diploma.holder().institutionCode(),
                diploma.programme().code(),
                diploma.programme().title(),
                diploma.programme().awardingInstitution(),
                diploma.certificateNumbers().stream().map(AwardNumber::value).toList(),
                diploma.awardedAt(),
                diploma.validUntil(),
                bodies.institutionName(diploma.holder().institutionCode()),
                organisations(bodies.of(diploma)));
    }

    private List<AwardingOrganisation> organisations(AwardingBodies.Bodies awarding) {
        return awarding.organisations().stream()
                .map(organisation -> new AwardingOrganisation(organisation.code(), organisation.name(),
                        organisation.hasLogo() ? links.logo(organisation.code()) : null))
                .toList();
    }

    /** The request path a problem is about, with the (possibly made-up) number encoded as a path segment. */
    static URI instance(String template, String number) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(number).encode().toUri();
    }

    /** 404 {@code application/problem+json} with {@code verificationStatus} UNKNOWN. */
    static ResponseEntity<ProblemDetail> unknown(String what, String detail, @Nullable String number, URI instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(what + " unknown");
        problem.setInstance(instance);
        problem.setProperty("verificationStatus", VerificationStatus.UNKNOWN);
        if (number != null) {
            problem.setProperty("number", number);
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A certificate Aula issued: its status and the facts printed on it. The participant's internal
     * id stays out; the holder's name is what a verifier compares with the paper. {@code validUntil}
     * appears when the certificate expires, {@code revokedAt} and {@code revocationReason} when it
     * was revoked.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CertificateAnswer(
            VerificationStatus status,
            VerificationStatus verificationStatus,
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
            Instant issuedAt,
            @Nullable Instant validUntil,
            @Nullable Instant revokedAt,
            @Nullable String revocationReason,
            String institutionName,
            List<AwardingOrganisation> awardingOrganisations) {
    }

    /** A diploma Aula awarded: its status and what it attests. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DiplomaAnswer(
            VerificationStatus status,
            VerificationStatus verificationStatus,
            String number,
            String diplomaId,
            String holderName,
            String institutionCode,
            String programmeCode,
            String programmeTitle,
            String awardingInstitution,
            List<String> certificateNumbers,
            Instant awardedAt,
            @Nullable Instant validUntil,
            String institutionName,
            List<AwardingOrganisation> awardingOrganisations) {
    }

    /** An organisation that awards what is verified: code, name as printed, and its logo's URL when it has one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AwardingOrganisation(String code, String name, @Nullable String logoUrl) {
    }

    /** A presented credential that fails a check, and which. */
    record Invalid(VerificationStatus status, VerificationStatus verificationStatus, String reason) {

        static Invalid because(String reason) {
            return new Invalid(VerificationStatus.INVALID, VerificationStatus.INVALID, reason);
        }
    }

    /** The RFC 9457 body of an unknown number, for the OpenAPI document. */
    record UnknownProblem(String type, String title, int status, String detail, String instance,
            VerificationStatus verificationStatus, String number) {
    }
}
