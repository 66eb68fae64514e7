package org.aula.enrollment.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.aula.enrollment.application.webhook.DeleteWebhook;
import org.aula.enrollment.application.webhook.PauseWebhook;
import org.aula.enrollment.application.webhook.ReplayWebhook;
import org.aula.enrollment.application.webhook.RotateWebhookSecret;
import org.aula.enrollment.application.webhook.SubscribeWebhook;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.DeliveryStatus;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookDeliveries;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.aula.events.runtime.security.Access;
import org.aula.events.runtime.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;

/**
 * {@code /partners/{institutionCode}/webhooks}: a partner without Kafka subscribes receivers to its institution's
 * feed, and pauses, resumes, deletes, rotates the secret of, replays to and redrives them, and reads their delivery
 * log. A partner token manages its own institution's only (403 for another's); programme staff manage every
 * institution's (they set partners up and help them recover).
 */
@RestController
class WebhookController {

    private final SubscribeWebhook subscribe;
    private final PauseWebhook pause;
    private final DeleteWebhook delete;
    private final RotateWebhookSecret rotate;
    private final ReplayWebhook replay;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Pages pages;

    WebhookController(SubscribeWebhook subscribe, PauseWebhook pause, DeleteWebhook delete, RotateWebhookSecret rotate,
            ReplayWebhook replay, WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, Pages pages) {
        this.subscribe = subscribe;
        this.pause = pause;
        this.delete = delete;
        this.rotate = rotate;
        this.replay = replay;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.pages = pages;
    }

    /** 201 with the subscription and its secret, shown this once. */
    @PostMapping("/partners/{institutionCode}/webhooks")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<WebhookViews.Subscription> subscribe(@PathVariable String institutionCode,
            @Valid @RequestBody WebhookRequests.Subscribe request) {
        InstitutionCode institution = own(institutionCode);
        SubscribeWebhook.Subscribed subscribed = subscribe.subscribe(institution, request.url(), request.types());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/partners/{institutionCode}/webhooks/{id}")
                .buildAndExpand(institution.value(), subscribed.subscription().id()).toUri();
        return ResponseEntity.created(location)
                .body(WebhookViews.Subscription.of(subscribed.subscription(), subscribed.secret()));
    }

    @GetMapping("/partners/{institutionCode}/webhooks")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    List<WebhookViews.Subscription> subscriptions(@PathVariable String institutionCode) {
        return subscriptions.of(own(institutionCode)).stream().map(WebhookViews.Subscription::of).toList();
    }

    @GetMapping("/partners/{institutionCode}/webhooks/{webhookId}")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    WebhookViews.Subscription subscription(@PathVariable String institutionCode, @PathVariable String webhookId) {
        return WebhookViews.Subscription.of(subscriptions.get(own(institutionCode), SubscriptionId.parse(webhookId)));
    }

    @PostMapping("/partners/{institutionCode}/webhooks/{webhookId}/pause")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    WebhookViews.Subscription pause(@PathVariable String institutionCode, @PathVariable String webhookId) {
        return WebhookViews.Subscription.of(pause.pause(own(institutionCode), SubscriptionId.parse(webhookId)));
    }

    @PostMapping("/partners/{institutionCode}/webhooks/{webhookId}/resume")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    WebhookViews.Subscription resume(@PathVariable String institutionCode, @PathVariable String webhookId) {
        return WebhookViews.Subscription.of(pause.resume(own(institutionCode), SubscriptionId.parse(webhookId)));
    }

    @DeleteMapping("/partners/{institutionCode}/webhooks/{webhookId}")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<Void> delete(@PathVariable String institutionCode, @PathVariable String webhookId) {
        delete.delete(own(institutionCode), SubscriptionId.parse(webhookId));
        return ResponseEntity.noContent().build();
    }

    /** A new secret, shown once; the previous one keeps signing beside it for the overlap. */
    @PostMapping("/partners/{institutionCode}/webhooks/{webhookId}/secret")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    WebhookViews.Subscription rotate(@PathVariable String institutionCode, @PathVariable String webhookId,
            @Valid @RequestBody(required = false) WebhookRequests.@Nullable Rotate request) {
        RotateWebhookSecret.Rotated rotated = rotate.rotate(own(institutionCode), SubscriptionId.parse(webhookId),
                request == null ? null : request.overlapDuration());
        return WebhookViews.Subscription.of(rotated.subscription(), rotated.secret());
    }

    /** The delivery log, newest first, optionally of one status ({@code PENDING}, {@code DELIVERED}, {@code FAILED}). */
    @GetMapping("/partners/{institutionCode}/webhooks/{webhookId}/deliveries")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<List<WebhookViews.Delivery>> deliveries(@PathVariable String institutionCode,
            @PathVariable String webhookId, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String page, @RequestParam(required = false) @Nullable String size) {
        SubscriptionId id = subscriptions.get(own(institutionCode), SubscriptionId.parse(webhookId)).id();
        return pages.respond(deliveries.log(id, statusOf(status), pages.of(page, size)), WebhookViews.Delivery::of);
    }

    /** Queues the institution's events again from a time or an event: 202 with how many. */
    @PostMapping("/partners/{institutionCode}/webhooks/{webhookId}/replay")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<WebhookViews.Queued> replay(@PathVariable String institutionCode, @PathVariable String webhookId,
            @Valid @RequestBody WebhookRequests.Replay request) {
        int queued = replay.replay(own(institutionCode), SubscriptionId.parse(webhookId), request.from(),
                request.fromEventId());
        return ResponseEntity.accepted().body(new WebhookViews.Queued(queued));
    }

    /** Puts the deliveries given up back in line: 202 with how many. */
    @PostMapping("/partners/{institutionCode}/webhooks/{webhookId}/redrive")
    @PreAuthorize(Access.STAFF_AND_PARTNERS)
    ResponseEntity<WebhookViews.Queued> redrive(@PathVariable String institutionCode, @PathVariable String webhookId) {
        return ResponseEntity.accepted().body(new WebhookViews.Queued(
                replay.redrive(own(institutionCode), SubscriptionId.parse(webhookId))));
    }

    /** The institution of the path, which a partner must be. */
    private static InstitutionCode own(String institutionCode) {
        Partners.requireOwn(institutionCode);
        if (!institutionCode.matches(InstitutionCode.PATTERN)) {
            throw ApiProblem.invalidField("institutionCode", "must match " + InstitutionCode.PATTERN);
        }
        return new InstitutionCode(institutionCode);
    }

    private static Optional<DeliveryStatus> statusOf(@Nullable String status) {
        if (status == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryStatus.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "must be PENDING, DELIVERED or FAILED");
        }
    }
}
