package org.aula.enrollment.domain;

import java.util.Objects;

/**
 * A person who takes part in cohorts: one record per person, identified by e-mail address.
 * Name and institution are the latest an institution gave when nominating them.
 */
public record Participant(ParticipantId id, EmailAddress email, String name, InstitutionCode institution) {

    public static final int MAX_NAME_LENGTH = 200;

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Text.require(name, "name", MAX_NAME_LENGTH);
        Objects.requireNonNull(institution, "institution");
    }

    @Override
    public String toString() {
        return "Participant[" + id + "]";
    }
}
