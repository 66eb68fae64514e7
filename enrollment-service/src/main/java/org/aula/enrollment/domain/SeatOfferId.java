package org.aula.enrollment.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a seat offer. */
public record SeatOfferId(UUID value) {

    public SeatOfferId {
        Objects.requireNonNull(value, "value");
    }

    public static SeatOfferId random() {
        return new SeatOfferId(UUID.randomUUID());
    }

    /** Parses the textual form; throws {@link IllegalArgumentException} when it is not a UUID. */
    public static SeatOfferId parse(String text) {
        return new SeatOfferId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
