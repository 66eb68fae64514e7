package org.aula.certification.domain;

import java.util.List;
import java.util.Optional;

/** Every certificate issued; unique per completion and per participant in a cohort. */
public interface Certificates {

    /** Draws the next value of the certificate number sequence (1 to {@link CertificateNumber#MAX_SEQUENCE}). */
    int nextSequence();

    /**
     * Keeps a newly issued certificate, unless one already exists for its completion or for its
     * holder in its cohort.
     *
     * @return false when an existing certificate took precedence (nothing was stored)
     */
    boolean add(Certificate certificate);

    /** The certificate already issued for this completion, or for its holder in its cohort. */
    Optional<Certificate> issuedFor(Completion completion);

    Optional<Certificate> withNumber(CertificateNumber number);

    /** Matching certificates, oldest first. */
    List<Certificate> matching(CertificateQuery query);
}
