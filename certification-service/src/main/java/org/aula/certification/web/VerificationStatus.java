package org.aula.certification.web;

import org.aula.certification.domain.CertificateStatus;

/** What a verifier is told, in {@code verificationStatus} of every verification answer. */
enum VerificationStatus {
    /** Aula issued it and it stands. */
    VALID,
    /** Aula issued it and withdrew it ({@code revokedAt}, {@code revocationReason}). */
    REVOKED,
    /** Aula issued it; its validity period is over. */
    EXPIRED,
    /** Aula never issued this number or credential (HTTP 404). */
    UNKNOWN,
    /** A presented credential fails a check: tampered, not signed by Aula, not valid yet. */
    INVALID;

    static VerificationStatus of(CertificateStatus status) {
        return switch (status) {
            case VALID -> VALID;
            case REVOKED -> REVOKED;
            case EXPIRED -> EXPIRED;
        };
    }
}
