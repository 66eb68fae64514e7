package org.aula.enrollment.application.webhook;

import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes a subscription with its delivery log; a delivery in flight finishes, nothing more is sent. */
@Service
public class DeleteWebhook {

    private static final Logger log = LoggerFactory.getLogger(DeleteWebhook.class);

    private final WebhookSubscriptions subscriptions;

    DeleteWebhook(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Transactional
    public void delete(InstitutionCode institution, SubscriptionId id) {
        subscriptions.get(institution, id);
        subscriptions.delete(id);
        log.info("Webhook {} of {} deleted", id, institution);
    }
}
