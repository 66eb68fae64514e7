package org.aula.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The probe against a tiny JDK HTTP server: {@code /widgets} validates everything, {@code /gadgets}
 * trusts its input (and writes before it fails), and nothing checks tokens.
 */
class OpenApiProbeTest {

    private static final int LIMIT = 64 * 1024;
    private static final List<String> widgets = new CopyOnWriteArrayList<>();
    private static final List<String> gadgets = new CopyOnWriteArrayList<>();
    private static HttpServer server;
    private static String baseUrl;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/v3/api-docs", exchange -> {
            try (InputStream document = OpenApiProbeTest.class.getResourceAsStream("/probe-test-openapi.json")) {
                reply(exchange, 200, new String(document.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
        server.createContext("/widgets", exchange -> guarded(exchange, OpenApiProbeTest::widgets));
        server.createContext("/gadgets", exchange -> guarded(exchange, OpenApiProbeTest::gadgets));
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void readsEveryOperationWithItsParametersAndResolvedBodySchema() {
        OpenApiProbe probe = OpenApiProbe.forService(baseUrl).build();

        assertThat(probe.operations()).extracting(ApiOperation::toString)
                .containsExactlyInAnyOrder("POST /widgets", "GET /widgets/{widgetId}", "POST /gadgets");
        ApiOperation get = operation(probe, "GET /widgets/{widgetId}");
        assertThat(get.parameters("path")).singleElement()
                .satisfies(parameter -> assertThat(parameter.schema().path("format").asString()).isEqualTo("uuid"));
        assertThat(get.parameters("query")).extracting(ApiOperation.Parameter::name).containsExactly("fields");
        ApiOperation post = operation(probe, "POST /widgets");
        assertThat(post.requestBodySchema().path("properties").path("parts").path("items").path("properties").has("code")).isTrue();
    }

    @Test
    void samplesSatisfyTheSchemaSoAValidRequestIsAccepted() {
        JsonNode sample = SampleValues.of(operation(OpenApiProbe.forService(baseUrl).build(), "POST /widgets").requestBodySchema());

        assertThat(sample.path("size").asInt()).isBetween(1, 100);
        assertThat(sample.path("colour").asString()).matches("^[A-Z]+$");
        assertThat(sample.path("parts").get(0).path("code").asString()).matches("^P[0-9]$");
        assertThat(validWidget(sample)).isNull();
    }

    @Test
    void reportsNoServerErrorAndNoStateChangeForAWellBehavedService() {
        OpenApiProbe probe = OpenApiProbe.forService(baseUrl).maxRequestBytes(LIMIT)
                .only(operation -> operation.path().startsWith("/widgets")).build();

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(OpenApiProbe.Attack.refusable(), () -> widgets.size());

        assertThat(report.requests()).isGreaterThan(50);
        assertThat(report.serverErrors()).as(report.summary()).isZero();
        assertThat(report.transportErrors()).as(report.summary()).isZero();
        assertThat(report.stateChanged()).as(report.summary()).isFalse();
        assertThat(report.statusCounts()).containsKeys(400, 404, 413, 415);
    }

    @Test
    void findsTheEndpointThatFailsOnBadInputAndTheStateItChanged() {
        OpenApiProbe probe = OpenApiProbe.forService(baseUrl).maxRequestBytes(LIMIT)
                .only(operation -> operation.path().equals("/gadgets")).build();

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(OpenApiProbe.Attack.refusable(), () -> gadgets.size());

        assertThat(report.serverErrors()).isPositive();
        assertThat(report.serverErrorExamples()).isNotEmpty().allSatisfy(example -> assertThat(example).startsWith("POST /gadgets"));
        assertThat(report.stateChanged()).isTrue();
    }

    @Test
    void countsValidHostileStringsThatAServiceRightlyStores() {
        OpenApiProbe probe = OpenApiProbe.forService(baseUrl).maxRequestBytes(LIMIT)
                .only(operation -> operation.toString().equals("POST /widgets")).build();

        OpenApiProbe.HostileInputReport report = probe.hostileInputs(Set.of(OpenApiProbe.Attack.HOSTILE_STRINGS), () -> widgets.size());

        assertThat(report.serverErrors()).isZero();
        assertThat(report.accepted()).containsKey(OpenApiProbe.Attack.HOSTILE_STRINGS);
        assertThat(report.stateChanged()).isTrue();
    }

    @Test
    void flagsEveryProtectedOperationThatLetsAnyoneIn() {
        OpenApiProbe probe = OpenApiProbe.forService(baseUrl)
                .publicOperations("GET /widgets/{widgetId}")
                .allowedRoles(operation -> Set.of("coordinator"))
                .build();

        OpenApiProbe.AuthMatrixReport report = probe.authMatrix();

        assertThat(report.operations()).isEqualTo(3);
        assertThat(report.publicOperations()).isEqualTo(1);
        // 2 protected operations x (no token, expired, forged + 3 roles not allowed), none refused.
        assertThat(report.requests()).isEqualTo(1 + 2 * 6);
        assertThat(report.unauthenticated()).isZero();
        assertThat(report.forbidden()).isZero();
        assertThat(report.unexpected()).hasSize(12)
                .anySatisfy(line -> assertThat(line).contains("POST /widgets").contains("without token").contains("expected 401"))
                .anySatisfy(line -> assertThat(line).contains("POST /gadgets").contains("as partner").contains("expected 403"));
    }

    private static ApiOperation operation(OpenApiProbe probe, String key) {
        return probe.operations().stream().filter(operation -> operation.toString().equals(key)).findFirst().orElseThrow();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    /** A servlet container's behaviour: an exception escaping the handler becomes a 500. */
    private static void guarded(HttpExchange exchange, Handler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException e) {
            reply(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static void widgets(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET") && path.startsWith("/widgets/")) {
            try {
                UUID id = UUID.fromString(path.substring("/widgets/".length()));
                reply(exchange, widgets.contains(id.toString()) ? 200 : 404, "{}");
            } catch (IllegalArgumentException e) {
                reply(exchange, 400, "{\"title\":\"bad id\"}");
            }
            return;
        }
        if (!exchange.getRequestMethod().equals("POST") || !path.equals("/widgets")) {
            reply(exchange, 405, "{}");
            return;
        }
        byte[] body = readLimited(exchange);
        if (body == null) {
            reply(exchange, 413, "{\"title\":\"Payload too large\"}");
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            reply(exchange, 415, "{}");
            return;
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(body)).toString());
        } catch (Exception e) {
            reply(exchange, 400, "{\"title\":\"Malformed request body\"}");
            return;
        }
        String problem = validWidget(json);
        if (problem != null) {
            reply(exchange, 400, "{\"title\":\"" + problem + "\"}");
            return;
        }
        widgets.add(UUID.randomUUID().toString());
        reply(exchange, 201, "{}");
    }

    /** Trusts its input: writes first, then reads fields without looking. */
    private static void gadgets(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        gadgets.add("attempt");
        JsonNode json = JsonMapper.shared().readTree(body);
        int size = Integer.parseInt(json.get("size").asString());
        json.get("name").asString().length();
        reply(exchange, 201, "{\"size\":" + size + "}");
    }

    private static String validWidget(JsonNode json) {
        if (json == null || !json.isObject()) {
            return "not an object";
        }
        JsonNode name = json.get("name");
        if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 200) {
            return "name";
        }
        JsonNode size = json.get("size");
        if (size == null || !size.isInt() || size.asInt() < 1 || size.asInt() > 100) {
            return "size";
        }
        JsonNode colour = json.get("colour");
        if (colour != null && (!colour.isString() || !colour.asString().matches("^[A-Z]+$"))) {
            return "colour";
        }
        JsonNode parts = json.get("parts");
        if (parts != null) {
            if (!parts.isArray()) {
                return "parts";
            }
            for (JsonNode part : parts) {
                if (!part.isObject() || !part.path("code").isString() || !part.path("code").asString().matches("^P[0-9]$")) {
                    return "parts";
                }
            }
        }
        return null;
    }

    private static byte[] readLimited(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && Long.parseLong(declared) > LIMIT) {
            exchange.getRequestBody().readAllBytes();
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            exchange.getRequestBody().readAllBytes();
            return null;
        }
        return body;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
