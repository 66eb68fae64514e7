package org.aula.enrollment.domain;

import java.time.Instant;
import java.util.Optional;

/** Every participant: the port the persistence adapter implements. */
public interface Participants {

    /**
     * Records a nomination of the person with this e-mail address: creates the participant, or
     * updates the name and institution of the one that exists. Answers the stored participant
     * (whose id is {@code candidate}'s only if the person is new). The participant's row stays
     * locked until the transaction ends, which serialises concurrent nominations of one person.
     */
    Participant register(Participant candidate, Instant at);

    Optional<Participant> find(ParticipantId id);

    Optional<Participant> findByEmail(EmailAddress email);
}
