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

    /**
     * Creates the participant if no one has {@code candidate}'s e-mail address, and answers them; answers empty,
     * writing and locking nothing, when someone has it ({@link #register} then updates that person). An insert
     * of an address another transaction is inserting waits for that transaction, and nothing else waits for it:
     * so a use case may create new people before it locks a cohort (see {@code EnrolParticipant}).
     */
    Optional<Participant> createIfNew(Participant candidate, Instant at);

    /** A registered participant and whether the registration created them. */
    record Registration(Participant participant, boolean created) {
    }

    Optional<Participant> find(ParticipantId id);

    /** The participant; refused ({@link CatalogueRefused.Reason#PARTICIPANT_UNKNOWN}) when there is none. */
    default Participant get(ParticipantId id) {
        return find(id).orElseThrow(() -> CatalogueRefused.unknown(CatalogueRefused.Reason.PARTICIPANT_UNKNOWN,
                "participant", id));
    }

    Optional<Participant> findByEmail(EmailAddress email);

    /** Locks a participant's row until the transaction ends and answers it. */
    Optional<Participant> lock(ParticipantId id);

    /**
     * Stores a participant's erasure: {@code erased}'s name, placeholder address and cleared position replace
     * the personal data, and {@code at} is recorded. Call it with the row locked ({@link #lock}).
     */
    void erase(Participant erased, Instant at);

    /** When the participant's personal data was erased; empty when it was not (or the participant is unknown). */
    Optional<Instant> erasedAt(ParticipantId id);

    /** Participants by name (then id), optionally of one institution. */
    Paging.Page<Participant> list(@Nullable InstitutionCode institution, Paging paging);
}
