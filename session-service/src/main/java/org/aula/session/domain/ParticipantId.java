package org.aula.session.domain;

import org.aula.kernel.Require;

/** Identity of a participant (an official), as enrollment-service assigned it. */
public record ParticipantId(String value) {

    public ParticipantId {
        Require.text(value, "participant id");
    }

    @Override
    public String toString() {
        return value;
    }
}
