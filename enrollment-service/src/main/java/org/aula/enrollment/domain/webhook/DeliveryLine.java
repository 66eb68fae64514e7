package org.aula.enrollment.domain.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One line of a subscription's delivery log. */
public record DeliveryLine(long deliveryId, String eventId, String eventType, Instant eventTime, DeliveryStatus status,
        int attempts, @Nullable Instant lastAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError,
        @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, boolean replay, Instant createdAt) {
}
