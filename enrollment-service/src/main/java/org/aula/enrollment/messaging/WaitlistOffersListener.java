package org.aula.enrollment.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.aula.enrollment.application.OfferWaitlistedSeats;
import org.aula.enrollment.domain.CohortId;
import org.aula.events.CohortFilled;
import org.aula.events.ParticipantWaitlisted;
import org.aula.events.Topics;
import org.aula.events.runtime.EventHandlers;
import org.aula.events.runtime.Inbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumer {@code enrollment-waitlist-offers}: when a cohort fills, and whenever someone joins the waitlist of a
 * full cohort, offers the officials waiting there seats in the next open cohort of the same course
 * ({@link OfferWaitlistedSeats}). Through the inbox: each event takes effect once; the use case is idempotent on
 * its natural key too (one offer per waitlist place).
 */
@Component
@ConditionalOnBooleanProperty(name = "aula.enrollment.offers.enabled", matchIfMissing = true)
class WaitlistOffersListener {

    static final String CONSUMER = "enrollment-waitlist-offers";

    private final Inbox inbox;
    private final EventHandlers handlers;

    WaitlistOffersListener(Inbox inbox, OfferWaitlistedSeats offers) {
        this.inbox = inbox;
        // At cohort.filled nobody waits yet (the last seat goes before the first waitlist place), so each
        // participant.waitlisted runs the offer round too; the round offers whoever waits and has no offer.
        this.handlers = EventHandlers.forConsumer(CONSUMER)
                .on(CohortFilled.class, filled -> offers.offerFrom(CohortId.parse(filled.cohortId())))
                .on(ParticipantWaitlisted.class, waitlisted -> offers.offerFrom(CohortId.parse(waitlisted.cohortId())))
                .build();
    }

    @KafkaListener(id = CONSUMER, topics = Topics.ENROLLMENT, groupId = "enrollment-service-waitlist-offers")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }
}
