package org.aula.enrollment.messaging.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.enrollment.WebhookProperties;
import org.aula.enrollment.application.webhook.WebhookReceivers;
import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;

class HttpWebhookReceiversTest {

    @Test
    void theDeliveringClientRefusesALoopbackTargetWhereLoopbackIsNotAllowedAndNeverConnects() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 5);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            // As if the name had resolved to a public address when subscribed and to loopback now (DNS rebinding).
            WebhookUrl url = new WebhookUrl(URI.create("http://localhost:" + server.getAddress().getPort() + "/h"));
            WebhookReceivers.Answer refused = receivers(false).deliver(url, "id-1", "{}", List.of(secret()));
            assertThat(refused.acknowledged()).isFalse();
            assertThat(refused.describe()).startsWith("receiver address refused: the host resolves to a loopback address");
            assertThat(hits).hasValue(0);

            assertThat(receivers(true).deliver(url, "id-1", "{}", List.of(secret())).acknowledged()).isTrue();
            assertThat(hits).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void signaturesVerifyWithTheStandardWebhooksLibraryOnePerSecret() throws Exception {
        SigningSecret current = SigningSecret.random(new java.security.SecureRandom());
        SigningSecret previous = SigningSecret.random(new java.security.SecureRandom());
        long timestamp = Clock.systemUTC().instant().getEpochSecond();
        String header = HttpWebhookReceivers.signatures("msg_1", timestamp, "{\"a\":1}", List.of(current, previous));
        assertThat(header.split(" ")).hasSize(2);
        for (SigningSecret secret : List.of(current, previous)) {
            Map<String, List<String>> headers = new HashMap<>();
            headers.put("webhook-id", List.of("msg_1"));
            headers.put("webhook-timestamp", List.of(Long.toString(timestamp)));
            headers.put("webhook-signature", List.of(header));
            new Webhook(secret.shown()).verify("{\"a\":1}", headers);
        }
    }

    private static HttpWebhookReceivers receivers(boolean allowLoopback) {
        WebhookProperties defaults = new WebhookProperties(true, "g", 1000, allowLoopback, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 2, 1, Duration.ofSeconds(1), Duration.ofSeconds(10),
                new WebhookProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(25)),
                Duration.ofHours(24));
        return new HttpWebhookReceivers(defaults, Clock.systemUTC());
    }

    private static SigningSecret secret() {
        return SigningSecret.random(new java.security.SecureRandom());
    }
}
