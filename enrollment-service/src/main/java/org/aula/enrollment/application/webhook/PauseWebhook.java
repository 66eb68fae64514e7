package org.aula.enrollment.application.webhook;

import java.time.Clock;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pauses a subscription (events keep queueing; nothing is sent) and resumes it (a suspended one too, once the partner
 * fixed its receiver): each cohort's queued deliveries then go in order, at once.
 */
@Service
public class PauseWebhook {

    private static final Logger log = LoggerFactory.getLogger(PauseWebhook.class);

    private final WebhookSubscriptions subscriptions;
    private final DeliveryWakeUp wakeUp;
    private final Clock clock;

    PauseWebhook(WebhookSubscriptions subscriptions, DeliveryWakeUp wakeUp, Clock clock) {
        this.subscriptions = subscriptions;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    @Transactional
    public WebhookSubscription pause(InstitutionCode institution, SubscriptionId id) {
        WebhookSubscription paused = subscriptions.get(institution, id).pause(clock.instant());
        subscriptions.update(paused);
        log.info("Webhook {} of {} paused", id, institution);
        return paused;
    }

    @Transactional
    public WebhookSubscription resume(InstitutionCode institution, SubscriptionId id) {
        WebhookSubscription resumed = subscriptions.get(institution, id).resume(clock.instant());
        subscriptions.update(resumed);
        wakeUp.afterCommit();
        log.info("Webhook {} of {} resumed", id, institution);
        return resumed;
    }
}
