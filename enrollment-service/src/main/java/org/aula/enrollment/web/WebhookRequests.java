package org.aula.enrollment.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the webhook endpoints. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /** {@code POST /partners/{institutionCode}/webhooks}: the receiver and, optionally, the event types it wants. */
    record Subscribe(@NotBlank @Size(max = WebhookUrl.MAX_LENGTH) @Nullable String url,
            @Size(max = WebhookSubscription.MAX_TYPES) @Nullable List<@NotNull @Size(max = 200) String> types) {
    }

    /** {@code POST .../secret}: how long the current secret keeps signing beside the new one (ISO-8601, e.g. {@code PT24H}). */
    record Rotate(@Nullable Duration overlap) {
    }

    /** {@code POST .../replay}: from a time (the events' {@code time}) or from an event id, included. */
    record Replay(@Nullable Instant from, @Size(max = 200) @Nullable String fromEventId) {
    }
}
