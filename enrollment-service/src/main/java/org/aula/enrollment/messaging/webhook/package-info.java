/**
 * The webhook adapters: {@link org.aula.enrollment.messaging.webhook.WebhookFeedListener} reads the partner feeds and
 * queues deliveries; {@link org.aula.enrollment.messaging.webhook.HttpWebhookReceivers} sends them (CloudEvents HTTP
 * binding, Standard Webhooks signatures) through a client whose DNS resolver is the SSRF guard.
 */
@NullMarked
package org.aula.enrollment.messaging.webhook;

import org.jspecify.annotations.NullMarked;
