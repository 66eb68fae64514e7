package org.aula.enrollment.domain.webhook;

import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.InstitutionCode;

/** The webhook subscriptions (port; implemented in {@code persistence}). */
public interface WebhookSubscriptions {

    void add(WebhookSubscription subscription);

    Optional<WebhookSubscription> find(SubscriptionId id);

    /** The institution's subscription, or a refusal: one of another institution is as unknown as none. */
    default WebhookSubscription get(InstitutionCode institution, SubscriptionId id) {
        return find(id).filter(subscription -> subscription.institution().equals(institution))
                .orElseThrow(() -> WebhookRefused.unknown(id));
    }

    /** The institution's subscriptions, oldest first. */
    List<WebhookSubscription> of(InstitutionCode institution);

    /** Saves status and secrets; a resumed subscription also forgets its failure streak. */
    void update(WebhookSubscription subscription);

    /** Deletes it with its delivery log; false when it was not there. */
    boolean delete(SubscriptionId id);

    /** How many are suspended after sustained failure (the alert's gauge). */
    long suspended();
}
