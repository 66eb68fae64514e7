package org.aula.enrollment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator knobs of the partner webhooks ({@code aula.enrollment.webhooks.*}); the defaults are documented in the README.
 *
 * @param enabled          consume the partner feeds and deliver webhooks (the subscription API is always there)
 * @param consumerGroup    the consumer group reading {@code partner.<INSTITUTION>.enrollment}
 * @param topicDiscoveryMs how soon (milliseconds) the consumer sees a new institution's feed topic ({@code metadata.max.age.ms})
 * @param allowLoopback    accept {@code http://localhost...} receivers and deliver to loopback addresses: the local
 *                         platform only; off in a deployment (SSRF guard)
 * @param connectTimeout   connecting to a receiver
 * @param readTimeout      waiting for a receiver's answer
 * @param workers          deliveries in flight at once, all subscriptions together (the bounded pool)
 * @param perSubscription  deliveries in flight at once to one subscription: a slow receiver holds at most this many workers
 * @param pollInterval     how often due deliveries are looked for when nothing wakes the dispatcher (retries, other replicas)
 * @param lease            how long a delivery taken for an attempt is held; after a crash it is due again then
 * @param retry            the back-off of failing deliveries
 * @param rotationOverlap  how long a rotated secret keeps signing when the request names no overlap
 */
@ConfigurationProperties("aula.enrollment.webhooks")
public record WebhookProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("enrollment-service-webhooks") String consumerGroup,
        @DefaultValue("30000") long topicDiscoveryMs,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("16") int workers,
        @DefaultValue("2") int perSubscription,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue Retry retry,
        @DefaultValue("24h") Duration rotationOverlap) {

    public WebhookProperties {
        if (workers < 1 || perSubscription < 1 || perSubscription > workers) {
            throw new IllegalArgumentException("aula.enrollment.webhooks: need 1 <= per-subscription <= workers");
        }
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("aula.enrollment.webhooks.lease must exceed connect-timeout + read-timeout");
        }
    }

    /**
     * @param base     the wait after the first failure, doubled after each further one
     * @param max      the longest wait between two attempts
     * @param retryFor how long a delivery is retried before it is given up and its subscription suspended (at least 24 h
     *                 in a deployment: a receiver down over a weekend night catches up)
     */
    public record Retry(@DefaultValue("10s") Duration base, @DefaultValue("1h") Duration max,
            @DefaultValue("25h") Duration retryFor) {
    }
}
