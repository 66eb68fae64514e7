package org.aula.certification.application;

import org.aula.certification.domain.ParticipantId;

import org.aula.certification.domain.Certificate;
import org.aula.certification.domain.CompletionCounts;
import org.aula.certification.domain.Diploma;
import org.aula.certification.domain.HolderLink;

/** Where the facts certification-service publishes go: the outbox, within the caller's transaction. */
public interface CertificateEvents {

    void issued(Certificate certificate);

    void revoked(Certificate certificate);

    /** Staff issued the certificate by hand, with a reason (published beside its {@code certificate.issued}). */
    void issuedByHand(Certificate certificate, String issuedBy, String reason);

    /** Staff gave the holder a link to their copy, or re-sent it ({@code replacing} the earlier ones); never the token. */
    void holderLinkSent(Certificate certificate, HolderLink link, boolean replacing);

    void diplomaAwarded(Diploma diploma);

    /** A diploma fell with a certificate it relied on. */
    void diplomaRevoked(Diploma diploma, Certificate revokedCertificate);

    /** One institution's completion counts in a cohort changed (counts only, for the aggregate feed). */
    void completionCountsChanged(CompletionCounts counts);

    /** An erased participant's name leaves the events this service still keeps; returns how many changed. */
    int forgetName(ParticipantId participant, String pseudonym);
}
