package org.aula.enrollment.application;

import org.aula.enrollment.domain.Participant;
import org.aula.enrollment.domain.Participants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Staff record an official (name, e-mail address, position, institution) before or apart from any
 * nomination: one record per person, so an e-mail address already known updates that person.
 */
@Service
public class RegisterParticipant {

    private static final Logger log = LoggerFactory.getLogger(RegisterParticipant.class);

    private final Participants participants;
    private final Clock clock;

    RegisterParticipant(Participants participants, Clock clock) {
        this.participants = participants;
        this.clock = clock;
    }

    @Transactional
    public Participants.Registration register(Participant candidate) {
        Participants.Registration registration = participants.register(candidate, clock.instant());
        log.info("Participant {} {}", registration.participant().id(), registration.created() ? "registered" : "updated");
        return registration;
    }
}
