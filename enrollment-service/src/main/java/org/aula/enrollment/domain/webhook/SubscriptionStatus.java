package org.aula.enrollment.domain.webhook;

/** Whether a subscription's deliveries are sent. Paused and suspended ones keep queueing events, sent on resume. */
public enum SubscriptionStatus {
    /** Deliveries are sent. */
    ACTIVE,
    /** Paused by the partner or staff. */
    PAUSED,
    /** Paused by Aula after sustained failure: a delivery failed for the whole retry period (an alert fires). */
    SUSPENDED
}
