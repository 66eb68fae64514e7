package org.aula.certification.domain;

/** What a verifier is told about a certificate. Revocation and expiry add their states later. */
public enum CertificateStatus {
    /** Issued and standing. */
    VALID
}
