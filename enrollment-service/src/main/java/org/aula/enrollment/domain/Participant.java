package org.aula.enrollment.domain;

import java.util.Objects;

import org.aula.kernel.Require;
import org.jspecify.annotations.Nullable;

/**
 * An official who takes part in cohorts: one record per person, identified by e-mail address.
 * Name, position and institution are the latest given (by a nomination or by staff). An erased
 * participant keeps only its id and institution: {@link #erased()}.
 *
 * @param position the official's position, e.g. "Inspector"; null when never given
 */
public record Participant(ParticipantId id, EmailAddress email, String name, @Nullable String position,
        InstitutionCode institution) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_POSITION_LENGTH = 200;
    /** The name an erased participant is shown under. */
    public static final String ERASED_NAME = "Erased participant";

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Require.text(name, "name", MAX_NAME_LENGTH);
        if (position != null) {
            Require.text(position, "position", MAX_POSITION_LENGTH);
        }
        Objects.requireNonNull(institution, "institution");
    }

    /**
     * The participant with their personal data erased: the name becomes {@value #ERASED_NAME}, the e-mail
     * address a placeholder made of the id ({@link EmailAddress#erasedPlaceholder}), the position is cleared.
     * The id and the institution stay, so enrolments, counts and partner scoping stay true.
     */
    public Participant erased() {
        return new Participant(id, EmailAddress.erasedPlaceholder(id), ERASED_NAME, null, institution);
    }

    /** Whether this participant's personal data was erased. */
    public boolean isErased() {
        return email.equals(EmailAddress.erasedPlaceholder(id));
    }

    @Override
    public String toString() {
        return "Participant[" + id + "]";
    }
}
