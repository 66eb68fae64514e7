package org.aula.enrollment.web;

import java.time.Instant;
import java.util.List;

import org.aula.enrollment.domain.webhook.DeliveryLine;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answers of the webhook endpoints. */
final class WebhookViews {

    private WebhookViews() {
    }

    /**
     * A subscription; {@code secret} ({@code whsec_...}) only in the answer that created it (subscribe, rotate):
     * it is shown once.
     */
    record Subscription(String id, String institutionCode, String url, List<String> types, String status,
            Instant createdAt, Instant statusChangedAt, @Nullable Instant previousSecretValidUntil,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

        static Subscription of(WebhookSubscription subscription) {
            return of(subscription, null);
        }

        static Subscription of(WebhookSubscription subscription, @Nullable String secret) {
            return new Subscription(subscription.id().toString(), subscription.institution().value(),
                    subscription.url().toString(), List.copyOf(subscription.types()), subscription.status().name(),
                    subscription.createdAt(), subscription.statusChangedAt(), subscription.previousSecretUntil(), secret);
        }

        @Override
        public String toString() {
            return "Subscription[" + id + ", " + institutionCode + ", " + status + "]";
        }
    }

    /** One line of the delivery log. */
    record Delivery(long deliveryId, String eventId, String eventType, Instant eventTime, String status, int attempts,
            @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError,
            @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, boolean replay, Instant queuedAt) {

        static Delivery of(DeliveryLine line) {
            return new Delivery(line.deliveryId(), line.eventId(), line.eventType(), line.eventTime(), line.status().name(),
                    line.attempts(), line.lastAttemptAt(), line.lastStatusCode(), line.lastError(), line.nextAttemptAt(),
                    line.deliveredAt(), line.replay(), line.createdAt());
        }
    }

    /** How many deliveries a replay queued or a redrive put back in line. */
    record Queued(int queued) {
    }
}
