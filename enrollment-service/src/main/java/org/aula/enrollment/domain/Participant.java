package org.aula.enrollment.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An official who takes part in cohorts: one record per person, identified by e-mail address.
 * Name, position and institution are the latest given (by a nomination or by staff).
 *
 * @param position the official's position, e.g. "Inspector"; null when never given
 */
public record Participant(ParticipantId id, EmailAddress email, String name, @Nullable String position,
        InstitutionCode institution) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_POSITION_LENGTH = 200;

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Text.require(name, "name", MAX_NAME_LENGTH);
        if (position != null) {
            Text.require(position, "position", MAX_POSITION_LENGTH);
        }
        Objects.requireNonNull(institution, "institution");
    }

    @Override
    public String toString() {
        return "Participant[" + id + "]";
    }
}
