package org.aula.enrollment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.aula.enrollment.application.IdempotentRequests;
import org.aula.enrollment.application.IdempotentRequests.StoredResponse;
import org.aula.events.runtime.security.Caller;
import org.aula.events.runtime.web.BufferedBodyRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on every POST, PUT, PATCH and DELETE (see {@link IdempotentRequests}): the request is
 * the method, the path with its query, and the body (JSON compared by content: property order and spacing do
 * not matter). A repeat of a request answered with 2xx gets that answer again, with
 * {@code Idempotent-Replayed: true}; the same key with another request is 422; a repeat while the first is
 * still running is 409; a key whose answer named a participant since erased is 410 (a tombstone: never run again).
 * Refused requests (4xx) and failures (5xx) store nothing. Keys are per caller (the
 * token's subject): one caller's key never answers another's request. Runs after Spring Security's filters
 * (their order is {@code -100}, this one's the default, last), so an unauthenticated request never reaches it.
 */
@Component
class IdempotencyKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The request attribute holding this run's {@link IdempotentRequests.Reserved}, for use cases that create things. */
    static final String RUN = "org.aula.enrollment.idempotency.run";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Printable ASCII without spaces, as IETF's draft on the header allows; a UUID fits. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final JsonMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final IdempotentRequests requests;

    IdempotencyKeyFilter(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || !UNSAFE.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            problem(request, response, 400, "Invalid request", "the Idempotency-Key header must be 1 to 255 printable characters",
                    List.of(Map.of("field", HEADER, "message", "1 to 255 printable ASCII characters, no spaces")));
            return;
        }
        // Keys are the caller's own: a key is stored under the token's subject, so nobody is ever answered what
        // another caller's request stored (an answer may name people), nor gets past a role check by a replay.
        key = callerOf(request) + " " + key;
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        IdempotentRequests.Reservation reservation = requests.reserve(key, hash);
        if (reservation instanceof IdempotentRequests.Replay replay) {
            replay(replay.response(), response);
        } else if (reservation instanceof IdempotentRequests.Mismatch) {
            problem(request, response, 422, "Idempotency-Key reused",
                    "this Idempotency-Key was used with another request; use a new key for a new request", List.of());
        } else if (reservation instanceof IdempotentRequests.Erased) {
            problem(request, response, 410, "Participant erased",
                    "the request with this Idempotency-Key was about a participant whose personal data has since been erased;"
                            + " its answer is not kept and it is not run again", List.of());
        } else if (reservation instanceof IdempotentRequests.InProgress) {
            problem(request, response, 409, "Request in progress",
                    "a request with this Idempotency-Key is still being processed; repeat it later", List.of());
        } else if (reservation instanceof IdempotentRequests.Reserved run) {
            request.setAttribute(RUN, run);
            run(run, new BufferedBodyRequest(request, body), response, chain);
        }
    }

    /** The subject of the request's token ("anonymous" on a public path); the security filters ran before this one. */
    private static String callerOf(HttpServletRequest request) {
        Caller caller = Caller.current();
        return caller.isAnonymous() ? "anonymous" : caller.subject();
    }

    private void run(IdempotentRequests.Reserved run, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            if (status >= 200 && status < 300) {
                requests.complete(run, new StoredResponse(status, caching.getHeader(HttpHeaders.LOCATION),
                        caching.getContentType(), new String(caching.getContentAsByteArray(), StandardCharsets.UTF_8)));
                stored = true;
            }
        } finally {
            if (!stored) {
                requests.release(run);
            }
            caching.copyBodyToResponse();
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED, "true");
        byte[] bytes = stored.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, List<Map<String, String>> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(CANONICAL.writeValueAsBytes(problem));
    }

    /** SHA-256 of method, path and query, and the body (JSON in canonical form when it parses). */
    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(canonical(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] canonical(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.readTree(body));
        } catch (JacksonException notJson) {
            return body;
        }
    }
}
