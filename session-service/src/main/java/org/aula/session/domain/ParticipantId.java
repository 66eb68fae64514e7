package org.aula.session.domain;

/** Identity of a participant (an official), as enrollment-service assigned it. */
public record ParticipantId(String value) {

    public ParticipantId {
        value = Require.text(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
