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
        ALREADY_REVOKED,
        /** No organisation has this code. */
        ORGANISATION_UNKNOWN,
        /** An awarding definition names an organisation nobody named yet (bad input: nothing is defined). */
        AWARDING_NAMES_UNKNOWN_ORGANISATION,
        /** A logo that is not a PNG or JPEG image of an acceptable size (bad input: nothing is stored). */
        LOGO_UNUSABLE,
        /** No holder's copy link of this certificate has this id. */
        HOLDER_LINK_UNKNOWN,
        /** A holder's copy link is revoked once. */
        HOLDER_LINK_ALREADY_REVOKED,
        /** A revoked certificate gets no new holder's copy link. */
        CERTIFICATE_REVOKED,
        /** A certificate is issued by hand only where none stands for the participant in the cohort (or the completion). */
        CERTIFICATE_ALREADY_ISSUED
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

    /** No organisation has this code (the code is given by staff, not personal data). */
    public static CertificateRefused unknownOrganisation(String code) {
        return new CertificateRefused(Reason.ORGANISATION_UNKNOWN, "no organisation has code " + code);
    }

    /** An awarding definition names an organisation that was never named. */
    public static CertificateRefused awardingNamesUnknownOrganisation(String code) {
        return new CertificateRefused(Reason.AWARDING_NAMES_UNKNOWN_ORGANISATION,
                "no organisation has code " + code + "; name it first (PUT /organisations/" + code + ")");
    }

    /** A logo the service will not print; {@code why} names the rule, never the content. */
    public static CertificateRefused unusableLogo(String why) {
        return new CertificateRefused(Reason.LOGO_UNUSABLE, why);
    }

    public static CertificateRefused unknownHolderLink(String link, AwardNumber number) {
        return new CertificateRefused(Reason.HOLDER_LINK_UNKNOWN, "certificate " + number + " has no holder link " + link);
    }

    public static CertificateRefused holderLinkAlreadyRevoked(String link) {
        return new CertificateRefused(Reason.HOLDER_LINK_ALREADY_REVOKED, "holder link " + link + " is already revoked");
    }

    public static CertificateRefused revokedCertificate(AwardNumber number) {
        return new CertificateRefused(Reason.CERTIFICATE_REVOKED,
                "certificate " + number + " is revoked: its holder gets no new link");
    }

    /** The completion, or the participant in the cohort, already has a standing certificate. */
    public static CertificateRefused alreadyIssued(AwardNumber existing) {
        return new CertificateRefused(Reason.CERTIFICATE_ALREADY_ISSUED,
                "certificate " + existing + " already stands for this completion (or this participant in this cohort)");
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
