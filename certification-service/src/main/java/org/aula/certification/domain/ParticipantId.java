package org.aula.certification.domain;

/** The official who holds a certificate, as enrollment-service identifies them. */
public record ParticipantId(String value) {

    public ParticipantId {
        value = Guards.text(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
