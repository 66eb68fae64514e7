package org.aula.enrollment.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.domain.Paging;
import org.jspecify.annotations.Nullable;

/**
 * The partner events kept for webhooks and their deliveries, one per event and subscription, with the retry
 * schedule (port; implemented in {@code persistence}). A cohort's deliveries to one subscription go in the order
 * the feed carried its events: only the oldest undelivered one of a key is ever due.
 */
public interface WebhookDeliveries {

    /**
     * Keeps an event and queues a delivery for every subscription of its institution that accepts its type; an
     * event already kept (a redelivered record) queues nothing. Answers how many deliveries were queued, or -1 for
     * a repeat.
     */
    int record(PartnerEvent event, Instant now);

    /** Up to {@code limit} deliveries whose turn has come, oldest first, at most {@code perSubscription} of one subscription. */
    List<DueDelivery> due(Instant now, int perSubscription, int limit);

    /** Takes a due delivery for one attempt until {@code leaseUntil} (after a crash it is due again then); false if another took it. */
    boolean claim(long deliveryId, Instant now, Instant leaseUntil);

    /** The receiver acknowledged it; the subscription's failure streak ends. */
    void delivered(long deliveryId, SubscriptionId subscription, int statusCode, Instant now);

    /**
     * An attempt failed: retried at {@code nextAttempt}; the subscription backs off until {@code subscriptionRetryAt}.
     */
    void failed(long deliveryId, SubscriptionId subscription, @Nullable Integer statusCode, String error, Instant now,
            Instant nextAttempt, Instant subscriptionRetryAt);

    /** Retried for the whole period: FAILED, holding back its cohort's later deliveries until redriven. */
    void gaveUp(long deliveryId, @Nullable Integer statusCode, String error, Instant now);

    /** Hands a claimed delivery back without an attempt (its subscription was paused or deleted meanwhile). */
    void release(long deliveryId, Instant now);

    /** The subscription's deliveries, newest first, optionally of one status. */
    Paging.Page<DeliveryLine> log(SubscriptionId subscription, Optional<DeliveryStatus> status, Paging paging);

    /**
     * Queues the institution's kept events again for the subscription, in feed order, from {@code from} (event time)
     * or from the event {@code fromEventId} (included); only the types it accepts. Answers how many were queued.
     */
    int replay(WebhookSubscription subscription, @Nullable Instant from, @Nullable String fromEventId, Instant now);

    /** FAILED deliveries of the subscription back to PENDING, due now with a fresh retry period; answers how many. */
    int redrive(SubscriptionId subscription, Instant now);
}
