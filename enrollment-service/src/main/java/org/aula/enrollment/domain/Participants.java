package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** Every participant: the port the persistence adapter implements. */
public interface Participants {

    /**
     * Records the person with this e-mail address: creates the participant, or updates the name,
     * institution and (when given) position of the one that exists. Answers the stored participant
     * (whose id is {@code candidate}'s only if the person is new). The participant's row stays
     * locked until the transaction ends, which serialises concurrent nominations of one person.
     */
    Registration register(Participant candidate, Instant at);

    /** A registered participant and whether the registration created them. */
    record Registration(Participant participant, boolean created) {
    }

    Optional<Participant> find(ParticipantId id);

    Optional<Participant> findByEmail(EmailAddress email);

    /** Locks a participant's row until the transaction ends and answers it. */
    Optional<Participant> lock(ParticipantId id);

    /** Participants by name (then id), optionally of one institution. */
    Paging.Page<Participant> list(@Nullable InstitutionCode institution, Paging paging);
}
