package org.aula.enrollment.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.aula.enrollment.domain.CatalogueRefused;
import org.aula.enrollment.domain.Enrolments;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.ParticipantId;
import org.aula.enrollment.domain.Participants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's request to have their personal data erased, in one transaction: the participant's row is
 * anonymised ({@link Participant#erased()}: name, e-mail address and position go; id and institution stay),
 * enrolments and offers stay as they are (ids, seats, statuses: counts and history stay true), the copies in
 * stored {@code Idempotency-Key} answers and in the outbox are forgotten ({@link PersonalDataCopies}), and
 * {@code participant.erased} is appended, naming the institutions whose partner feeds carried the participant
 * so that the feed router tells each of them. Erasing again answers the first erasure and publishes nothing.
 */
@Service
public class EraseParticipant {

    private static final Logger log = LoggerFactory.getLogger(EraseParticipant.class);

    private final Participants participants;
    private final Enrolments enrolments;
    private final PersonalDataCopies copies;
    private final EnrollmentEvents events;
    private final EnrollmentMetrics metrics;
    private final Clock clock;

    EraseParticipant(Participants participants, Enrolments enrolments, PersonalDataCopies copies, EnrollmentEvents events,
            EnrollmentMetrics metrics, Clock clock) {
        this.participants = participants;
        this.enrolments = enrolments;
        this.copies = copies;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * An erasure: whom, when, the institutions told (their partner feeds carried the participant), and whether
     * this request erased (false: it had been erased before, by the request whose {@code erasedAt} this is).
     */
    public record Erasure(ParticipantId participant, Instant erasedAt, List<InstitutionCode> institutions, boolean erasedNow) {

        public Erasure {
            institutions = List.copyOf(institutions);
        }
    }

    /** Erases the participant's personal data; refused when unknown. */
    @Transactional
    public Erasure erase(ParticipantId id) {
        // The row lock serialises this with nominations of the person (they upsert, and so lock, the same row)
        // and with a concurrent erasure: the enrolments read below are all there will be.
        Participant participant = participants.lock(id).orElseThrow(() -> CatalogueRefused.unknown(
                CatalogueRefused.Reason.PARTICIPANT_UNKNOWN, "participant", id));
        List<InstitutionCode> institutions = enrolments.institutionsOf(id);
        if (participant.isErased()) {
            Instant erasedAt = participants.erasedAt(id)
                    .orElseThrow(() -> new IllegalStateException("participant " + id + " is anonymised without an erasure time"));
            return new Erasure(id, erasedAt, institutions, false);
        }
        // Microseconds, as the database keeps it: a repeat answers the very same time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Participant erased = participant.erased();
        participants.erase(erased, now);
        int forgotten = copies.forget(id, Participant.ERASED_NAME);
        events.erased(erased, now, institutions);
        metrics.erased();
        log.info("Participant {} erased; {} stored copies forgotten; partner feeds told: {}", id, forgotten, institutions);
        return new Erasure(id, now, institutions, true);
    }
}
