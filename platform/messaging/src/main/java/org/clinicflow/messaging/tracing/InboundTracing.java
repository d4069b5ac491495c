package org.clinicflow.messaging.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Continues a trace across Kafka: a consumer span per inbound record, child of the
 * {@code traceparent} the producer's outbox row carried ({@link TraceHeaders}), current while
 * the handler runs, so what the handler publishes continues the same trace. Without an
 * OpenTelemetry SDK (the local stack, where tracing is off) it only runs the work. Tested by
 * {@code TracingTest}.
 */
@ApplicationScoped
public class InboundTracing {

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    InboundTracing(Instance<OpenTelemetry> openTelemetry) {
        this.openTelemetry = openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop();
        this.tracer = this.openTelemetry.getTracer("org.clinicflow.messaging");
    }

    public <T> T around(Map<String, String> headers, String consumer, String eventType, Supplier<T> work) {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
        Span span = tracer.spanBuilder(eventType + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.operation.type", "process").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
