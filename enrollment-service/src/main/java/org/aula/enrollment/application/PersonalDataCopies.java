package org.aula.enrollment.application;

import org.aula.enrollment.domain.ParticipantId;

/**
 * Copies of a participant's personal data that the service's database keeps beside the participant's row for
 * a while: stored {@code Idempotency-Key} answers (kept {@code aula.enrollment.idempotency.retention}) and the
 * outbox's event payloads (kept {@code aula.messaging.relay.retention} after publication). The port the
 * persistence adapter implements; {@link EraseParticipant} calls it in the erasure's transaction.
 */
public interface PersonalDataCopies {

    /**
     * Replaces the stored answers that mention the participant by tombstones (key kept, answer gone) and puts {@code erasedName} in place of the name
     * in the outbox payloads about them; answers how many rows were touched.
     */
    int forget(ParticipantId participant, String erasedName);
}
