package org.aula.certification.domain;

import org.aula.kernel.Require;

/** The official who holds a certificate, as enrollment-service identifies them. */
public record ParticipantId(String value) {

    public ParticipantId {
        value = Require.text(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
