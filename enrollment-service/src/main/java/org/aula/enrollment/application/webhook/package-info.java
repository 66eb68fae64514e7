/**
 * The webhook use cases: {@link org.aula.enrollment.application.webhook.SubscribeWebhook},
 * {@link org.aula.enrollment.application.webhook.PauseWebhook}, {@link org.aula.enrollment.application.webhook.DeleteWebhook},
 * {@link org.aula.enrollment.application.webhook.RotateWebhookSecret}, {@link org.aula.enrollment.application.webhook.ReplayWebhook},
 * {@link org.aula.enrollment.application.webhook.QueueWebhookDeliveries} (fed by the partner feed consumer) and
 * {@link org.aula.enrollment.application.webhook.DeliverWebhooks} (the dispatcher), with the ports
 * {@link org.aula.enrollment.application.webhook.WebhookReceivers} and {@link org.aula.enrollment.application.webhook.ReceiverHosts}.
 */
@NullMarked
package org.aula.enrollment.application.webhook;

import org.jspecify.annotations.NullMarked;
