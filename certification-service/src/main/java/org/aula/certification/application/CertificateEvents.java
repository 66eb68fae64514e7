package org.aula.certification.application;

import org.aula.certification.domain.ParticipantId;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.Diploma;

/** Where the facts certification-service publishes go: the outbox, within the caller's transaction. */
public interface CertificateEvents {

    void issued(Certificate certificate);

    void revoked(Certificate certificate);

    void diplomaAwarded(Diploma diploma);

    /** A diploma fell with a certificate it relied on. */
    void diplomaRevoked(Diploma diploma, Certificate revokedCertificate);

    /** An erased participant's name leaves the events this service still keeps; returns how many changed. */
    int forgetName(ParticipantId participant, String pseudonym);
}
