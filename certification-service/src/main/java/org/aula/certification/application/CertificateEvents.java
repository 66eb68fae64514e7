package org.aula.certification.application;

import org.aula.certification.domain.Certificate;

/** Where the facts certification-service publishes go: the outbox, within the caller's transaction. */
public interface CertificateEvents {

    void issued(Certificate certificate);
}
