package org.aula.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.aula.deploy.identity.LocalTokenIssuer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives every operation of a running service's OpenAPI document: {@link #authMatrix()} shows
 * each protected operation refuses a caller without a token (401), with a bad token (401) and
 * with each role it does not allow (403); {@link #hostileInputs} sends malformed and hostile
 * requests with a token that is allowed and counts the 5xx answers, so a test asserts there are none.
 *
 * <pre>
 * OpenApiProbe probe = OpenApiProbe.forService("http://localhost:" + port)
 *         .publicOperations("GET /certificates/{id}/verification")
 *         .allowedRoles(operation -> operation.method().equals("GET") ? Set.of("coordinator", "facilitator") : Set.of("coordinator"))
 *         .build();
 * assertThat(probe.authMatrix().unexpected()).isEmpty();
 * assertThat(probe.hostileInputs(OpenApiProbe.Attack.refusable(), this::rowCounts).serverErrors()).isZero();
 * </pre>
 */
public final class OpenApiProbe {

    /** Every role Aula knows, as in the token's {@code roles} claim. */
    public static final Set<String> ROLES = new TreeSet<>(LocalTokenIssuer.ROLES);

    private static final List<String> ROLE_PREFERENCE = List.of("coordinator", "operations", "facilitator", "partner");
    private static final int EXAMPLES = 10;

    private final String baseUrl;
    private final List<ApiOperation> operations;
    private final Predicate<ApiOperation> isPublic;
    private final Function<ApiOperation, Set<String>> allowedRoles;
    private final String partnerInstitution;
    private final long maxRequestBytes;
    private final BiFunction<String, String, String> tokens;
    private final Duration timeout;
    private final HttpClient http;

    private OpenApiProbe(Builder builder, List<ApiOperation> operations, HttpClient http) {
        this.baseUrl = builder.baseUrl;
        this.operations = List.copyOf(operations);
        this.isPublic = builder.isPublic;
        this.allowedRoles = builder.allowedRoles;
        this.partnerInstitution = builder.partnerInstitution;
        this.maxRequestBytes = builder.maxRequestBytes;
        this.tokens = builder.tokens;
        this.timeout = builder.timeout;
        this.http = http;
    }

    /** Starts a probe of the service at {@code baseUrl} (e.g. {@code http://localhost:8081}). */
    public static Builder forService(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The operations probed (after {@link Builder#only}). */
    public List<ApiOperation> operations() {
        return operations;
    }

    /** Whether the operation is public (no token needed). */
    public boolean isPublic(ApiOperation operation) {
        return isPublic.test(operation);
    }

    /**
     * For each protected operation: no token, an expired token, a forged token (each expecting 401)
     * and a token of each role not allowed (expecting 403); for each public operation: no token
     * (expecting neither 401 nor 403). Requests carry schema-valid parameters and bodies, so what
     * refuses them is authorisation, not validation.
     */
    public AuthMatrixReport authMatrix() {
        int requests = 0;
        int unauthenticated = 0;
        int forbidden = 0;
        int publicOperations = 0;
        List<String> unexpected = new ArrayList<>();
        for (ApiOperation operation : operations) {
            ProbeRequest request = ProbeRequest.valid(operation);
            if (isPublic(operation)) {
                publicOperations++;
                requests++;
                Answer answer = send(request, null);
                if (answer.status() == 401 || answer.status() == 403) {
                    unexpected.add(describe(request, "public, without token", answer) + " (expected neither 401 nor 403)");
                }
                continue;
            }
            Map<String, String> unauthenticatedCallers = new LinkedHashMap<>();
            unauthenticatedCallers.put("without token", null);
            unauthenticatedCallers.put("with an expired token", TestTokens.expired());
            unauthenticatedCallers.put("with a forged token", TestTokens.forgedSignature());
            for (Map.Entry<String, String> caller : unauthenticatedCallers.entrySet()) {
                requests++;
                Answer answer = send(request, caller.getValue());
                if (answer.status() == 401) {
                    unauthenticated++;
                } else {
                    unexpected.add(describe(request, caller.getKey(), answer) + " (expected 401)");
                }
            }
            Set<String> allowed = normalised(allowedRoles.apply(operation));
            for (String role : ROLES) {
                if (allowed.contains(role)) {
                    continue;
                }
                requests++;
                Answer answer = send(request, tokens.apply(role, partnerInstitution));
                if (answer.status() == 403) {
                    forbidden++;
                } else {
                    unexpected.add(describe(request, "as " + role, answer) + " (expected 403)");
                }
            }
        }
        return new AuthMatrixReport(operations.size(), publicOperations, requests, unauthenticated, forbidden, unexpected);
    }

    /**
     * Sends every protected operation once, schema-valid, with {@code token} (a read-only role's, such
     * as {@code reporting}): each write (anything but GET and HEAD) must answer 403, and no answer,
     * whatever its status, may contain any of {@code names} (case-insensitively). GETs accept any
     * representation, so CSV and PDF are fetched too. Public operations are left out: they answer
     * anyone, token or not.
     */
    public ReadOnlySweep readOnlySweep(String token, Collection<String> names) {
        int writes = 0;
        int writesRefused = 0;
        int reads = 0;
        int readsAnswered = 0;
        int readsRefused = 0;
        List<String> unexpected = new ArrayList<>();
        for (ApiOperation operation : operations) {
            if (isPublic(operation)) {
                continue;
            }
            ProbeRequest request = ProbeRequest.valid(operation);
            boolean write = !operation.method().equals("GET") && !operation.method().equals("HEAD");
            Answer answer = send(request, token, "*/*");
            if (write) {
                writes++;
                if (answer.status() == 403) {
                    writesRefused++;
                } else {
                    unexpected.add(describe(request, "read-only token", answer) + " (expected 403)");
                }
            } else {
                reads++;
                if (answer.status() == 403) {
                    readsRefused++;
                } else if (answer.status() >= 200 && answer.status() < 300) {
                    readsAnswered++;
                }
            }
            String body = answer.body() == null ? "" : answer.body().toLowerCase(Locale.ROOT);
            for (String name : names) {
                if (body.contains(name.toLowerCase(Locale.ROOT))) {
                    unexpected.add(request.operation() + " answered " + answer.status() + " naming a person");
                }
            }
        }
        return new ReadOnlySweep(writes, writesRefused, reads, readsAnswered, readsRefused, unexpected);
    }

    /** {@link #hostileInputs(Set, Supplier)} with every attack and no state snapshot. */
    public HostileInputReport hostileInputs() {
        return hostileInputs(EnumSet.allOf(Attack.class), () -> null);
    }

    /**
     * Sends every request of the chosen {@code attacks} to every operation, with a token of a role
     * the operation allows (none for public operations), and counts the answers. {@code state} is
     * read before and after (e.g. row counts per table) so the report shows whether anything changed.
     */
    public HostileInputReport hostileInputs(Set<Attack> attacks, Supplier<?> state) {
        Object before = state.get();
        int requests = 0;
        int serverErrors = 0;
        int transportErrors = 0;
        List<String> serverErrorExamples = new ArrayList<>();
        List<String> transportErrorExamples = new ArrayList<>();
        List<String> acceptedExamples = new ArrayList<>();
        Map<Integer, Integer> statusCounts = new TreeMap<>();
        Map<Attack, Integer> accepted = new EnumMap<>(Attack.class);
        for (ApiOperation operation : operations) {
            String token = isPublic(operation) ? null : allowedToken(operation);
            for (ProbeRequest request : HostileRequests.of(operation, attacks, maxRequestBytes)) {
                requests++;
                Answer answer = send(request, token);
                if (answer.status() < 0) {
                    transportErrors++;
                    if (transportErrorExamples.size() < EXAMPLES) {
                        transportErrorExamples.add(describe(request, request.description(), answer));
                    }
                    continue;
                }
                statusCounts.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500) {
                    serverErrors++;
                    if (serverErrorExamples.size() < EXAMPLES) {
                        serverErrorExamples.add(describe(request, request.description(), answer));
                    }
                } else if (answer.status() < 300) {
                    accepted.merge(request.attack(), 1, Integer::sum);
                    if (acceptedExamples.size() < EXAMPLES) {
                        acceptedExamples.add(describe(request, request.description(), answer));
                    }
                }
            }
        }
        Object after = state.get();
        return new HostileInputReport(operations.size(), requests, serverErrors, serverErrorExamples, transportErrors,
                transportErrorExamples, statusCounts, accepted, acceptedExamples, before, after);
    }

    private String allowedToken(ApiOperation operation) {
        Set<String> allowed = normalised(allowedRoles.apply(operation));
        for (String role : ROLE_PREFERENCE) {
            if (allowed.contains(role)) {
                return tokens.apply(role, partnerInstitution);
            }
        }
        throw new IllegalArgumentException("no role is allowed to call " + operation);
    }

    private static Set<String> normalised(Set<String> roles) {
        Set<String> result = new TreeSet<>();
        roles.forEach(role -> result.add(role.toLowerCase(Locale.ROOT)));
        return result;
    }

    private Answer send(ProbeRequest request, String token) {
        return send(request, token, "application/json, application/problem+json");
    }

    private Answer send(ProbeRequest request, String token, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(request)).timeout(timeout)
                .header("Accept", accept);
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body;
        if (request.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (request.chunked()) {
            byte[] bytes = request.body();
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        } else {
            body = HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        try {
            HttpResponse<String> response = http.send(builder.method(request.operation().method(), body).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(-1, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + request.operation(), e);
        }
    }

    private URI uri(ProbeRequest request) {
        String path = request.operation().path();
        for (ApiOperation.Parameter parameter : request.operation().parameters("path")) {
            String value = parameter.name().equals(request.pathParameter())
                    ? request.pathValue()
                    : SampleValues.text(parameter.schema());
            path = path.replace("{" + parameter.name() + "}", encode(value));
        }
        StringBuilder query = new StringBuilder();
        for (ApiOperation.Parameter parameter : request.operation().parameters("query")) {
            String value;
            if (parameter.name().equals(request.queryParameter())) {
                value = request.queryValue();
            } else if (parameter.required()) {
                value = SampleValues.text(parameter.schema());
            } else {
                continue;
            }
            query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.name())).append('=').append(encode(value));
        }
        return URI.create(baseUrl + path + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String describe(ProbeRequest request, String how, Answer answer) {
        String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        if (body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return request.operation() + " [" + request.attack() + " " + how + "] -> "
                + (answer.status() < 0 ? "transport error" : answer.status()) + " " + body;
    }

    /** Families of hostile requests. */
    public enum Attack {
        /** Unknown ids (random UUIDs) and malformed or hostile values in each path parameter. */
        UNKNOWN_AND_MALFORMED_IDS,
        /** Malformed and hostile values in each query parameter. */
        QUERY_VALUES,
        /** Bodies that are not JSON, truncated, deeply nested, with invalid escapes or invalid UTF-8. */
        MALFORMED_JSON,
        /** A body sent as text/plain, XML, a form, or without a content type. */
        WRONG_CONTENT_TYPE,
        /** Each body field given a value of the wrong type or form; each required field null or absent. */
        WRONG_TYPES,
        /** A body larger than the limit, with a Content-Length and chunked. */
        OVERSIZED_BODY,
        /**
         * Each string field given injection strings, control characters, lone surrogates, emoji and a
         * very long string. Such a body may be valid, so a service may rightly store it.
         */
        HOSTILE_STRINGS,
        /** Each optional field null or absent: a valid request, which shows optional really means optional. */
        ABSENT_OPTIONALS;

        /** The attacks a correct service refuses every time: running only these must change no state. */
        public static Set<Attack> refusable() {
            return EnumSet.complementOf(EnumSet.of(HOSTILE_STRINGS, ABSENT_OPTIONALS));
        }
    }

    /** What {@link #authMatrix()} saw. */
    public record AuthMatrixReport(int operations, int publicOperations, int requests, int unauthenticated,
            int forbidden, List<String> unexpected) {

        public AuthMatrixReport {
            unexpected = List.copyOf(unexpected);
        }

        /** Protected operations probed. */
        public int protectedOperations() {
            return operations - publicOperations;
        }

        /** One line for the test log. */
        public String summary() {
            return "auth matrix: " + operations + " operations (" + protectedOperations() + " protected, " + publicOperations
                    + " public), " + requests + " requests, " + unauthenticated + " x 401, " + forbidden + " x 403, "
                    + unexpected.size() + " unexpected" + (unexpected.isEmpty() ? "" : ": " + String.join("; ", unexpected));
        }
    }

    /** What {@link #readOnlySweep} saw. */
    public record ReadOnlySweep(int writes, int writesRefused, int reads, int readsAnswered, int readsRefused,
            List<String> unexpected) {

        public ReadOnlySweep {
            unexpected = List.copyOf(unexpected);
        }

        /** One line for the test log. */
        public String summary() {
            return "read-only sweep: " + writes + " writes (" + writesRefused + " x 403), " + reads + " reads ("
                    + readsAnswered + " x 2xx, " + readsRefused + " x 403), " + unexpected.size() + " unexpected"
                    + (unexpected.isEmpty() ? "" : ": " + String.join("; ", unexpected));
        }
    }

    /** What {@link #hostileInputs} saw. */
    public record HostileInputReport(int operations, int requests, int serverErrors, List<String> serverErrorExamples,
            int transportErrors, List<String> transportErrorExamples, Map<Integer, Integer> statusCounts,
            Map<Attack, Integer> accepted, List<String> acceptedExamples, Object stateBefore, Object stateAfter) {

        public HostileInputReport {
            serverErrorExamples = List.copyOf(serverErrorExamples);
            transportErrorExamples = List.copyOf(transportErrorExamples);
            statusCounts = Map.copyOf(statusCounts);
            accepted = Map.copyOf(accepted);
            acceptedExamples = List.copyOf(acceptedExamples);
        }

        /** Whether the state snapshot differs after the run. */
        public boolean stateChanged() {
            return !Objects.equals(stateBefore, stateAfter);
        }

        /** Hostile requests answered 2xx. */
        public int acceptedCount() {
            return accepted.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** One line for the test log. */
        public String summary() {
            return "hostile inputs: " + operations + " operations, " + requests + " requests, " + serverErrors + " x 5xx, "
                    + transportErrors + " transport errors, " + acceptedCount() + " accepted " + accepted
                    + ", state changed: " + stateChanged() + ", statuses " + new TreeMap<>(statusCounts)
                    + (serverErrorExamples.isEmpty() ? "" : ", 5xx examples: " + String.join("; ", serverErrorExamples));
        }
    }

    /** One request of a probe: what to send to which operation. */
    record ProbeRequest(ApiOperation operation, Attack attack, String description, String pathParameter, String pathValue,
            String queryParameter, String queryValue, String contentType, byte[] body, boolean chunked) {

        static ProbeRequest valid(ApiOperation operation) {
            byte[] body = operation.hasBody()
                    ? JsonMapper.shared().writeValueAsBytes(SampleValues.of(operation.requestBodySchema()))
                    : null;
            return new ProbeRequest(operation, null, "valid", null, null, null, null,
                    operation.hasBody() ? "application/json" : null, body, false);
        }
    }

    private record Answer(int status, String body) {
    }

    /** Configures a probe; {@link #build()} fetches the OpenAPI document. */
    public static final class Builder {

        private final String baseUrl;
        private String apiDocsPath = "/v3/api-docs";
        private Predicate<ApiOperation> isPublic = operation -> false;
        private Function<ApiOperation, Set<String>> allowedRoles = operation -> ROLES;
        private Predicate<ApiOperation> only = operation -> true;
        private String partnerInstitution = "PROBE-INSTITUTION";
        private long maxRequestBytes = 1024 * 1024;
        private BiFunction<String, String, String> tokens = TestTokens::forRole;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }

        /** Where the document is ({@code /v3/api-docs} by default). */
        public Builder apiDocsPath(String path) {
            this.apiDocsPath = path;
            return this;
        }

        /** Operations callable without a token. */
        public Builder publicOperations(Predicate<ApiOperation> isPublic) {
            this.isPublic = isPublic;
            return this;
        }

        /** Public operations as {@code "GET /certificates/{id}/verification"} (or a path template alone: any method). */
        public Builder publicOperations(String... operations) {
            Set<String> keys = Set.copyOf(Arrays.asList(operations));
            return publicOperations(operation -> keys.contains(operation.toString()) || keys.contains(operation.path()));
        }

        /** The roles (of {@link #ROLES}) allowed to call each operation; by default every role. */
        public Builder allowedRoles(Function<ApiOperation, Set<String>> allowedRoles) {
            this.allowedRoles = allowedRoles;
            return this;
        }

        /** Probes only the operations {@code filter} accepts. */
        public Builder only(Predicate<ApiOperation> filter) {
            this.only = filter;
            return this;
        }

        /** The institution of the partner tokens the probe sends. */
        public Builder partnerInstitution(String institution) {
            this.partnerInstitution = institution;
            return this;
        }

        /** The service's {@code aula.security.max-request-bytes} (1 MiB by default). */
        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Mints a token for (role, partner institution); {@link TestTokens#forRole} by default. */
        public Builder tokens(BiFunction<String, String, String> tokens) {
            this.tokens = tokens;
            return this;
        }

        /** Per-request timeout (30 s by default). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Fetches and reads the OpenAPI document. */
        public OpenApiProbe build() {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + apiDocsPath))
                        .timeout(timeout).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + apiDocsPath + " answered " + response.statusCode() + ": " + response.body());
                }
                List<ApiOperation> operations = OpenApiDocument.parse(response.body()).operations().stream().filter(only).toList();
                return new OpenApiProbe(this, operations, http);
            } catch (IOException e) {
                throw new UncheckedIOException("could not fetch " + baseUrl + apiDocsPath, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
