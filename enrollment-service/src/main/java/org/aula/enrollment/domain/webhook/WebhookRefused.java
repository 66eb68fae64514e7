package org.aula.enrollment.domain.webhook;

import java.util.List;

import org.aula.kernel.Refusal;

/** A webhook request was refused; nothing was changed. */
public class WebhookRefused extends Refusal {

    /** Why. */
    public enum Reason {
        /** No subscription with this id (for this institution). */
        SUBSCRIPTION_UNKNOWN,
        /** The receiver's URL is not acceptable (scheme, form) or its host is not a public address (SSRF guard). */
        URL_REFUSED,
        /** The event types asked for are not event type names. */
        TYPES_REFUSED,
        /** A replay names an event this institution's feed never carried. */
        EVENT_UNKNOWN,
        /** A replay must name a time or an event, not both nor neither; an overlap must be within bounds. */
        REQUEST_REFUSED
    }

    public WebhookRefused(Reason reason, String message, List<Fault> faults) {
        super(reason, message, faults);
    }

    /** No subscription with this id. */
    public static WebhookRefused unknown(Object id) {
        return new WebhookRefused(Reason.SUBSCRIPTION_UNKNOWN, "no webhook subscription with id " + id, List.of());
    }

    /** A refused URL, naming the field {@code url} and why (never the URL itself: it may carry a token). */
    public static WebhookRefused url(String why) {
        return new WebhookRefused(Reason.URL_REFUSED, "url " + why, List.of(new Fault("url", why)));
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
