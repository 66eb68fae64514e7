package org.aula.certification.domain;

/** A certificate is revoked once; revoking it again is refused, not repeated. */
public class CertificateAlreadyRevoked extends RuntimeException {

    public CertificateAlreadyRevoked(CertificateNumber number) {
        super("certificate " + number + " is already revoked");
    }
}
