/**
 * Webhooks for partners without Kafka, in plain Java: a partner's {@link org.aula.enrollment.domain.webhook.WebhookSubscription}
 * (its receiver's {@link org.aula.enrollment.domain.webhook.WebhookUrl}, the event types it wants, its signing secrets),
 * which receiver addresses may be called ({@link org.aula.enrollment.domain.webhook.ReceiverAddresses}), how long and how
 * often a failing delivery is retried ({@link org.aula.enrollment.domain.webhook.RetrySchedule}), and the ports
 * {@link org.aula.enrollment.domain.webhook.WebhookSubscriptions} and {@link org.aula.enrollment.domain.webhook.WebhookDeliveries}.
 */
@NullMarked
package org.aula.enrollment.domain.webhook;

import org.jspecify.annotations.NullMarked;
