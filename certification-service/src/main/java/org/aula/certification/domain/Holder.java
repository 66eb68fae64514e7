package org.aula.certification.domain;

import org.aula.kernel.Require;

/**
 * Who a certificate is made out to.
 *
 * @param participantId   the official's id
 * @param name            the name printed on the certificate (personal data: never logged)
 * @param institutionCode the institution that nominated them
 */
public record Holder(ParticipantId participantId, String name, String institutionCode) {

    public Holder {
        Require.present(participantId, "participant id");
        name = Require.text(name, "holder name");
        institutionCode = Require.text(institutionCode, "institution code");
    }

    /**
     * The holder after their personal data was erased: the name gives way to a pseudonym; the
     * participant id (opaque) and the institution (not personal) stay, so verification, diplomas
     * and figures keep working.
     */
    public Holder pseudonymised(String pseudonym) {
        return new Holder(participantId, pseudonym, institutionCode);
    }

    /** Ids only: a holder (or a completion holding one) that ends up in a log or a message shows no name. */
    @Override
    public String toString() {
        return "Holder[participantId=" + participantId + ", institutionCode=" + institutionCode + "]";
    }
}
