package org.aula.enrollment.application.webhook;

import java.time.Clock;

import org.aula.enrollment.domain.webhook.PartnerEvent;
import org.aula.enrollment.domain.webhook.WebhookDeliveries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event of a partner feed arrived: it is kept (for replays) and a delivery queued for each subscription of its
 * institution that wants its type, in one transaction; a redelivered record (same institution and {@code ce_id})
 * queues nothing. Nothing is sent here: the dispatcher is woken after commit, so the consumer never waits on a
 * receiver.
 */
@Service
public class QueueWebhookDeliveries {

    private final WebhookDeliveries deliveries;
    private final DeliveryWakeUp wakeUp;
    private final Clock clock;

    QueueWebhookDeliveries(WebhookDeliveries deliveries, DeliveryWakeUp wakeUp, Clock clock) {
        this.deliveries = deliveries;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /** How many deliveries were queued; -1 for an event kept already. */
    @Transactional
    public int queue(PartnerEvent event) {
        int queued = deliveries.record(event, clock.instant());
        if (queued > 0) {
            wakeUp.afterCommit();
        }
        return queued;
    }
}
