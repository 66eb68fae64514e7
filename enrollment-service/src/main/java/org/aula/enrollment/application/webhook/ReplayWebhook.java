package org.aula.enrollment.application.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookDeliveries;
import org.aula.enrollment.domain.webhook.WebhookRefused;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.aula.kernel.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a partner's feed again: a replay queues the institution's kept events from a time or from an event (in feed
 * order, after whatever is queued already); a redrive puts the deliveries that were given up back in line.
 */
@Service
public class ReplayWebhook {

    private static final Logger log = LoggerFactory.getLogger(ReplayWebhook.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final DeliveryWakeUp wakeUp;
    private final Clock clock;

    ReplayWebhook(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, DeliveryWakeUp wakeUp,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /** Queues the events from {@code from} (their time) or from {@code fromEventId}: exactly one of them. */
    @Transactional
    public int replay(InstitutionCode institution, SubscriptionId id, @Nullable Instant from, @Nullable String fromEventId) {
        if ((from == null) == (fromEventId == null || fromEventId.isBlank())) {
            throw new WebhookRefused(WebhookRefused.Reason.REQUEST_REFUSED, "a replay starts from a time or from an event",
                    List.of(new Refusal.Fault("from", "give exactly one of from and fromEventId")));
        }
        WebhookSubscription subscription = subscriptions.get(institution, id);
        int queued = deliveries.replay(subscription, from, fromEventId, clock.instant());
        wakeUp.afterCommit();
        log.info("Webhook {} of {}: {} events queued again", id, institution, queued);
        return queued;
    }

    /** Puts every delivery that was given up back in line, with a fresh retry period. */
    @Transactional
    public int redrive(InstitutionCode institution, SubscriptionId id) {
        subscriptions.get(institution, id);
        int redriven = deliveries.redrive(id, clock.instant());
        wakeUp.afterCommit();
        log.info("Webhook {} of {}: {} failed deliveries redriven", id, institution, redriven);
        return redriven;
    }
}
