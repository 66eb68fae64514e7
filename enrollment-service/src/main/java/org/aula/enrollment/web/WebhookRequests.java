package org.aula.enrollment.web;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

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

    /**
     * {@code POST .../secret}: how long the current secret keeps signing beside the new one (ISO-8601, e.g. {@code PT24H}); a string,
     * read after the role check, so a caller without the role is answered 403 whatever it sent.
     */
    record Rotate(@Size(max = 40) @Nullable String overlap) {

        /** The overlap asked for, or a 400 naming {@code overlap} when it is no ISO-8601 duration. */
        @Nullable Duration overlapDuration() {
            if (overlap == null) {
                return null;
            }
            try {
                return Duration.parse(overlap);
            } catch (DateTimeParseException e) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", "overlap is not an ISO-8601 duration",
                        List.of(new ApiProblem.FieldError("overlap", "must be an ISO-8601 duration such as PT24H")));
            }
        }
    }

    /** {@code POST .../replay}: from a time (the events' {@code time}) or from an event id, included. */
    record Replay(@Nullable Instant from, @Size(max = 200) @Nullable String fromEventId) {
    }
}
