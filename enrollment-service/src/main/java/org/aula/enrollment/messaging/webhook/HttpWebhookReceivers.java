package org.aula.enrollment.messaging.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.aula.enrollment.WebhookProperties;
import org.aula.enrollment.application.webhook.ReceiverHosts;
import org.aula.enrollment.application.webhook.WebhookReceivers;
import org.aula.enrollment.domain.webhook.ReceiverAddresses;
import org.aula.enrollment.domain.webhook.SigningSecret;
import org.aula.enrollment.domain.webhook.WebhookUrl;
import org.springframework.stereotype.Component;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import jakarta.annotation.PreDestroy;

/**
 * Delivers a webhook: one POST in the CloudEvents HTTP binding's structured mode ({@code Content-Type:
 * application/cloudevents+json}, the body the CloudEvent with its data), signed per the Standard Webhooks
 * specification by its reference library ({@code com.standardwebhooks:standardwebhooks}): {@code webhook-id} (the
 * event's {@code ce_id}, the same on every retry), {@code webhook-timestamp} (unix seconds of this attempt) and
 * {@code webhook-signature} ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, one per secret, space-separated,
 * during a rotation's overlap).
 *
 * <p>The SSRF guard is the client's own DNS resolver: every address a receiver's host resolves to at connection time
 * is judged by {@link ReceiverAddresses}, so a host that resolved to a public address when subscribed and to a
 * private one now (DNS rebinding) is refused, with no gap between check and connect. No redirect is followed (it
 * could point anywhere), no proxy from the environment is used, and connect and read are bounded.
 */
@Component
class HttpWebhookReceivers implements WebhookReceivers, ReceiverHosts {

    private static final ContentType CLOUDEVENTS_JSON = ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8);

    private final CloseableHttpClient client;
    private final GuardedResolver resolver;
    private final Clock clock;

    HttpWebhookReceivers(WebhookProperties settings, Clock clock) {
        this.clock = clock;
        this.resolver = new GuardedResolver(settings.allowLoopback());
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout read = Timeout.of(settings.readTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setMaxConnTotal(settings.workers())
                        .setMaxConnPerRoute(settings.perSubscription())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(read)
                        .setConnectionRequestTimeout(connect).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Aula-Webhooks/1")
                .build();
    }

    @PreDestroy
    void close() throws IOException {
        client.close();
    }

    @Override
    public Answer deliver(WebhookUrl url, String eventId, String body, List<SigningSecret> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(url.uri());
        post.setHeader("webhook-id", eventId);
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signatures(eventId, timestamp, body, secrets));
        post.setEntity(new StringEntity(body, CLOUDEVENTS_JSON));
        try (CloseableHttpResponse response = client.execute(post)) {
            // The answer's body is not read: closing drops the connection rather than wait for a slow one.
            return Answer.status(response.getCode());
        } catch (UnknownHostException e) {
            return Answer.failure(e.getMessage() != null && e.getMessage().startsWith(GuardedResolver.REFUSED)
                    ? e.getMessage() : "host does not resolve");
        } catch (ConnectException e) {
            return Answer.failure("connection refused or unreachable");
        } catch (InterruptedIOException e) {
            // SocketTimeoutException and the connect timeout among them
            return Answer.failure("timed out");
        } catch (SSLException e) {
            return Answer.failure("TLS handshake failed");
        } catch (IOException e) {
            return Answer.failure("I/O error: " + e.getClass().getSimpleName());
        }
    }

    /** One {@code v1,...} signature per secret, space-separated, as the specification allows during a rotation. */
    static String signatures(String eventId, long timestamp, String body, List<SigningSecret> secrets) {
        List<String> signatures = new ArrayList<>();
        for (SigningSecret secret : secrets) {
            try {
                signatures.add(new Webhook(secret.key()).sign(eventId, timestamp, body));
            } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
                throw new IllegalStateException("webhook signing failed", e);
            }
        }
        return String.join(" ", signatures);
    }

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(SystemDefaultDnsResolver.INSTANCE.resolve(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** The system resolver, refusing every name with an address receivers may not have. */
    static final class GuardedResolver implements DnsResolver {

        static final String REFUSED = "receiver address refused";

        private final boolean allowLoopback;

        GuardedResolver(boolean allowLoopback) {
            this.allowLoopback = allowLoopback;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            Optional<String> refused = ReceiverAddresses.refusal(Arrays.asList(addresses), allowLoopback);
            if (refused.isPresent()) {
                throw new UnknownHostException(REFUSED + ": the host resolves to a " + refused.get() + " address");
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
