package org.aula.enrollment.domain.webhook;

import java.util.UUID;

import org.aula.kernel.Require;

/** A webhook subscription's id. */
public record SubscriptionId(UUID value) {

    public SubscriptionId {
        Require.present(value, "subscriptionId");
    }

    /** The id in a path, or a refusal (404) when it is no UUID: no subscription has it. */
    public static SubscriptionId parse(String text) {
        try {
            return new SubscriptionId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw WebhookRefused.unknown(text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
