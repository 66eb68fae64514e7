package org.aula.console.services;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** certification-service: certificates, their PDFs and revocation, completion figures. */
public class CertificationApi {

    /** A certificate as issued. */
    public record Certificate(String number, String participantId, String holderName, String institutionCode,
            String courseTitle, String cohortId, String cohortCode, Instant issuedAt, String verificationUrl) {
    }

    /** The verification answer after a revocation. */
    public record Verification(String status, @Nullable String revocationReason) {
    }

    /** Completion figures: for a whole cohort, or one institution's part of it ({@code institution} set). */
    public record Figures(@Nullable String institution, int decided, int completed, int notCompleted,
            @Nullable Double completionRate, int certificatesIssued, int certificatesRevoked) {

        /** Completed as a whole percentage of decided (0 when nobody was decided). */
        public long completionPercent() {
            return decided == 0 ? 0 : Math.round(100.0 * completed / decided);
        }
    }

    /** A cohort's completion figures, in total and by institution ({@code GET /metrics/completions}). */
    public record CohortFigures(Figures totals, List<Figures> byInstitution) {
    }

    private final ServiceClient client;

    CertificationApi(ServiceClient client) {
        this.client = client;
    }

    public List<Certificate> certificatesOfCohort(String cohortId) {
        return client.list(new ParameterizedTypeReference<>() { }, "/certificates?cohortId={id}", cohortId);
    }

    public byte[] pdf(String number) {
        return client.bytes(MediaType.APPLICATION_PDF, "/certificates/{number}/pdf", number);
    }

    public Verification revoke(String number, String reason) {
        return client.post(Verification.class, Map.of("reason", reason), "/certificates/{number}/revocation", number);
    }

    /** The cohort's totals and one line per institution. */
    public CohortFigures figures(String cohortCode) {
        return client.get(CohortFigures.class, "/metrics/completions?cohort={code}", cohortCode);
    }
}
