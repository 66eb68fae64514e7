package org.aula.events.runtime;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C {@code traceparent} of the span current on this thread (the HTTP request's, the
 * listener's), as the propagator would write it into a header. The outbox keeps it with each row,
 * because the relay sends later, from its own thread and its own producer, where that span is gone.
 */
final class TraceContexts {

    /** The W3C Trace Context header, also the Kafka header name Spring Kafka's observation reads. */
    static final String TRACEPARENT = "traceparent";

    /** No tracing on the classpath or configured: nothing is stored, nothing is sent. */
    static final TraceContexts NONE = new TraceContexts(null, null);

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    TraceContexts(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}; null outside any span or without tracing. */
    @Nullable String currentTraceparent() {
        if (tracer == null || propagator == null) {
            return null;
        }
        // Not isNoop(): the OpenTelemetry bridge calls an unsampled span a no-op, yet its ids are real, are in the
        // log lines, and must travel on (with the sampled flag off) so the consumers' lines join the same trace.
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
