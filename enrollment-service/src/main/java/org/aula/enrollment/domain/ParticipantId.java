package org.aula.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a participant: one person, whoever nominates them. */
public record ParticipantId(UUID value) {

    public ParticipantId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh id for a person seen for the first time. */
    public static ParticipantId random() {
        return new ParticipantId(UUID.randomUUID());
    }

    /** Parses the textual form; throws {@link IllegalArgumentException} when it is not a UUID. */
    public static ParticipantId parse(String text) {
        return new ParticipantId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
