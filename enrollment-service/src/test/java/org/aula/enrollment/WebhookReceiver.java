package org.aula.enrollment;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's webhook receiver, as a partner would write it: it verifies every delivery with the Standard Webhooks
 * reference library ({@code com.standardwebhooks.Webhook.verify}, not Aula's code) against the secret it was given,
 * answers 401 to a bad signature and 204 to a good one, and records what it received in arrival order. It can be
 * taken down (the port closed: connection refused) and brought back on the same port, made to answer 500, or made
 * to hang (accept, then never answer: a dead one), or to answer each delivery after 1.5 s (a slow but working one).
 */
final class WebhookReceiver implements AutoCloseable {

    /** How the receiver behaves. */
    enum Mode { UP, SLOW, FAILING, HANGING }

    /** One verified delivery. */
    record Delivery(String id, String timestamp, String type, String key, JsonNode event, String body,
            String signatureHeader, String contentType) {

        JsonNode data() {
            return event.get("data");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Delivery> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;
    private volatile int port;
    private HttpServer server;

    WebhookReceiver() throws IOException {
        start(0);
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
        server.createContext("/hooks", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/aula";
    }

    /** The secret(s) to verify with ({@code whsec_...}); a delivery passes when it verifies with any of them. */
    void trust(String... whsecSecrets) {
        secrets.clear();
        secrets.addAll(List.of(whsecSecrets));
    }

    void mode(Mode next) {
        mode = next;
    }

    /** An outage: the port is closed, connections are refused. */
    void down() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Back on the same port. */
    void up() throws IOException {
        start(port);
    }

    List<Delivery> received() {
        return List.copyOf(received);
    }

    int badSignatures() {
        return badSignatures.get();
    }

    int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (mode == Mode.HANGING) {
                released.await(60, TimeUnit.SECONDS);
                return;
            }
            if (mode == Mode.SLOW) {
                // The simulated receiver's own slowness (under the tests' 2 s read timeout), not a wait of the test.
                released.await(1500, TimeUnit.MILLISECONDS);
            }
            if (mode == Mode.FAILING || secrets.isEmpty()) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            if (!verified(body, headers)) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            JsonNode data = event.get("data");
            String key = data != null && data.has("cohortId") ? data.get("cohortId").asString()
                    : data != null && data.has("participantId") ? data.get("participantId").asString() : "";
            received.add(new Delivery(headers.get("webhook-id").get(0), headers.get("webhook-timestamp").get(0), event.get("type").asString(), key, event, body,
                    headers.get("webhook-signature").get(0), exchange.getRequestHeaders().getFirst("Content-Type")));
            exchange.sendResponseHeaders(204, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The partner's check: the Standard Webhooks library, with each trusted secret. */
    private boolean verified(String body, Map<String, List<String>> headers) {
        for (String secret : secrets) {
            try {
                new Webhook(secret).verify(body, new HashMap<>(headers));
                return true;
            } catch (WebhookVerificationException | RuntimeException e) {
                // try the next secret
            } catch (Exception e) {
                // an empty secret
            }
        }
        return false;
    }

    /** Whether a delivery's signature header verifies with exactly this secret (rotation). */
    static boolean verifiesWith(Delivery delivery, String secret) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("webhook-id", List.of(delivery.id()));
        headers.put("webhook-timestamp", List.of(delivery.timestamp()));
        headers.put("webhook-signature", List.of(delivery.signatureHeader()));
        try {
            new Webhook(secret).verify(delivery.body(), headers);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    static List<String> ids(List<Delivery> deliveries) {
        List<String> ids = new ArrayList<>();
        deliveries.forEach(delivery -> ids.add(delivery.id()));
        return ids;
    }
}
