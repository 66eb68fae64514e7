package org.aula.certification.domain;

/** Where a certificate stands at a given moment. */
public enum CertificateStatus {
    /** Issued and standing. */
    VALID,
    /** Withdrawn by staff, with a reason; final. */
    REVOKED,
    /** Past its {@code validUntil} (only when a validity period is configured). */
    EXPIRED
}
