package org.aula.certification.domain;

import java.time.Instant;

/** The record of certificates staff issued by hand: who and why. */
public interface ManualIssues {

    void record(CertificateId certificate, String issuedBy, String reason, Instant issuedAt);
}
