package org.aula.enrollment.application.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.aula.enrollment.WebhookProperties;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.ReceiverAddresses;
import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookRefused;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner subscribes a receiver to its institution's feed: the URL is checked (https; its host's addresses public,
 * the SSRF guard) and the subscription answered with its secret, which is shown this once.
 */
@Service
public class SubscribeWebhook {

    private static final Logger log = LoggerFactory.getLogger(SubscribeWebhook.class);

    private final WebhookSubscriptions subscriptions;
    private final ReceiverHosts hosts;
    private final WebhookProperties settings;
    private final SecureRandom random;
    private final Clock clock;

    SubscribeWebhook(WebhookSubscriptions subscriptions, ReceiverHosts hosts, WebhookProperties settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.hosts = hosts;
        this.settings = settings;
        this.random = new SecureRandom();
        this.clock = clock;
    }

    /** The new subscription and its secret ({@code whsec_...}), shown once. */
    public record Subscribed(WebhookSubscription subscription, String secret) {

        @Override
        public String toString() {
            return "Subscribed[" + subscription + "]";
        }
    }

    @Transactional
    public Subscribed subscribe(InstitutionCode institution, String url, @Nullable List<String> types) {
        WebhookUrl receiver = checked(url, hosts, settings.allowLoopback());
        SigningSecret secret = SigningSecret.random(random);
        WebhookSubscription subscription = WebhookSubscription.create(new SubscriptionId(UUID.randomUUID()), institution,
                receiver, types, secret, clock.instant());
        subscriptions.add(subscription);
        log.info("Webhook {} subscribed for {} ({} types)", subscription.id(), institution,
                subscription.types().isEmpty() ? "all" : subscription.types().size());
        return new Subscribed(subscription, secret.shown());
    }

    /** The URL as a receiver, or a refusal naming {@code url}: its form, then every address its host resolves to. */
    static WebhookUrl checked(String url, ReceiverHosts hosts, boolean allowLoopback) {
        WebhookUrl receiver = WebhookUrl.parse(url, allowLoopback);
        ReceiverAddresses.refusal(hosts.resolve(receiver.host()), allowLoopback).ifPresent(kind -> {
            throw WebhookRefused.url(kind.equals("unresolved") ? "host does not resolve"
                    : "host resolves to a " + kind + " address (only public addresses receive webhooks)");
        });
        return receiver;
    }
}
