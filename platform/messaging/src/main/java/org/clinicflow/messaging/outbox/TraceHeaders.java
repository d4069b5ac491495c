package org.clinicflow.messaging.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current trace context as W3C {@code traceparent} (and {@code tracestate}) headers, stored
 * with an outbox row so the relayed record continues the trace of the request or event that
 * published it. Empty when no span is recording (tracing off). Tested by {@code TracingTest}.
 */
final class TraceHeaders {

    private TraceHeaders() {
    }

    static Map<String, String> current() {
        if (!Span.current().getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        return headers;
    }
}
