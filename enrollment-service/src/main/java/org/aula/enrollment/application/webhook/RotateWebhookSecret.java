package org.aula.enrollment.application.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.aula.enrollment.WebhookProperties;
import org.aula.enrollment.domain.InstitutionCode;
import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.SubscriptionId;
import org.aula.enrollment.domain.webhook.WebhookRefused;
import org.aula.enrollment.domain.webhook.WebhookSubscription;
import org.aula.enrollment.domain.webhook.WebhookSubscriptions;
import org.aula.kernel.Refusal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new signing secret, shown once; the old one keeps signing (each delivery then carries both signatures) for the
 * overlap asked for, by default {@code aula.enrollment.webhooks.rotation-overlap}, at most 7 days.
 */
@Service
public class RotateWebhookSecret {

    /** The longest overlap a rotation may ask for. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(RotateWebhookSecret.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookProperties settings;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RotateWebhookSecret(WebhookSubscriptions subscriptions, WebhookProperties settings, Clock clock) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.clock = clock;
    }

    /** The subscription after the rotation and its new secret ({@code whsec_...}). */
    public record Rotated(WebhookSubscription subscription, String secret) {

        @Override
        public String toString() {
            return "Rotated[" + subscription + "]";
        }
    }

    @Transactional
    public Rotated rotate(InstitutionCode institution, SubscriptionId id, @Nullable Duration overlap) {
        Duration window = overlap == null ? settings.rotationOverlap() : overlap;
        if (window.isNegative() || window.compareTo(MAX_OVERLAP) > 0) {
            throw new WebhookRefused(WebhookRefused.Reason.REQUEST_REFUSED, "overlap out of range",
                    List.of(new Refusal.Fault("overlap", "must be between PT0S and P7D")));
        }
        SigningSecret next = SigningSecret.random(random);
        WebhookSubscription rotated = subscriptions.get(institution, id).rotate(next, clock.instant(), window);
        subscriptions.update(rotated);
        log.info("Webhook {} of {}: secret rotated, the previous one signs for {}", id, institution, window);
        return new Rotated(rotated, next.shown());
    }
}
