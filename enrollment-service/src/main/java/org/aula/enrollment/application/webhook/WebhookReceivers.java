package org.aula.enrollment.application.webhook;

import java.util.List;

import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.jspecify.annotations.Nullable;

/**
 * Sends one delivery to a partner's receiver (port; implemented in {@code messaging}): the CloudEvents HTTP binding
 * in structured mode, signed per the Standard Webhooks specification with each secret given, within bounded
 * timeouts, to a public address only.
 */
public interface WebhookReceivers {

    Answer deliver(WebhookUrl url, String eventId, String body, List<SigningSecret> secrets);

    /** What the receiver answered: a status code, or the error that kept it from answering. */
    record Answer(@Nullable Integer statusCode, @Nullable String error) {

        public static Answer status(int code) {
            return new Answer(code, null);
        }

        public static Answer failure(String error) {
            return new Answer(null, error);
        }

        /** Acknowledged: any 2xx. */
        public boolean acknowledged() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        /** For the delivery log. */
        public String describe() {
            return error != null ? error : "receiver answered " + statusCode;
        }
    }
}
