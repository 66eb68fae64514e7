package org.aula.certification.domain;

import java.util.UUID;

import org.aula.kernel.Require;

/** Identity of a certificate. */
public record CertificateId(UUID value) {

    public CertificateId {
        Require.present(value, "certificate id");
    }

    public static CertificateId random() {
        return new CertificateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
