package org.aula.enrollment.domain.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery whose turn has come: the oldest undelivered one of its cohort (key) for its subscription, due, and its
 * subscription active and not backing off. Carries what the attempt and its outcome need.
 */
public record DueDelivery(long deliveryId, SubscriptionId subscriptionId, String eventId, String body, int attempts,
        @Nullable Instant firstFailedAt, int subscriptionFailures) {

    @Override
    public String toString() {
        return "DueDelivery[" + deliveryId + ", " + subscriptionId + ", " + eventId + "]";
    }
}
