package org.aula.enrollment.domain.webhook;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryStatus {
    /** Not yet acknowledged by the receiver: waiting for its turn, in flight, or between retries. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Retried for the whole retry period without success; holds back its cohort's later events until redriven. */
    FAILED
}
