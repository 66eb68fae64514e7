package org.aula.certification.domain;

import org.aula.kernel.Refusal;

/**
 * A request about a certificate, a diploma or a status list is refused; nothing was changed. The
 * message says what was asked for (the number as given), never a holder's name.
 */
public class CertificateRefused extends Refusal {

    /** Why it was refused. */
    public enum Reason {
        /** No certificate has this number. */
        CERTIFICATE_UNKNOWN,
        /** No diploma has this number. */
        DIPLOMA_UNKNOWN,
        /** No credential was ever placed in this status list. */
        STATUS_LIST_UNKNOWN,
        /** A certificate is revoked once: the first reason and time stand. */
        ALREADY_REVOKED
    }

    public CertificateRefused(Reason reason, String message) {
        super(reason, message);
    }

    /** No certificate has the number as given (which may not even be one). */
    public static CertificateRefused unknownCertificate(String number) {
        return new CertificateRefused(Reason.CERTIFICATE_UNKNOWN, "no certificate has number " + number);
    }

    /** No diploma has the number as given. */
    public static CertificateRefused unknownDiploma(String number) {
        return new CertificateRefused(Reason.DIPLOMA_UNKNOWN, "no diploma has number " + number);
    }

    /** No status list has the id as given. */
    public static CertificateRefused unknownStatusList(String listId) {
        return new CertificateRefused(Reason.STATUS_LIST_UNKNOWN, "no status list has id " + listId);
    }

    public static CertificateRefused alreadyRevokedDiploma(AwardNumber number) {
        return new CertificateRefused(Reason.ALREADY_REVOKED, "diploma " + number + " is already revoked");
    }

    public static CertificateRefused alreadyRevoked(AwardNumber number) {
        return new CertificateRefused(Reason.ALREADY_REVOKED, "certificate " + number + " is already revoked");
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
