package org.crossdesk.testsupport;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;

/**
 * Tracing as the services run it (Micrometer Observation on the OpenTelemetry SDK, W3C trace context, the three
 * handlers Spring Boot registers), every span kept in memory: for tests that a hop continues the trace it was given.
 *
 * <pre>{@code
 * TestTracing tracing = new TestTracing();
 * ConsumerRecord<...> record = ...; record.headers().add("traceparent", TestTracing.traceparent(TRACE, SPAN));
 * new RecordObservations(tracing.registry(), "hop", null).observe(record, () -> send(...));
 * assertThat(tracing.spans()).allMatch(span -> span.getTraceId().equals(TRACE));
 * }</pre>
 */
public final class TestTracing {

    /** The W3C header name. */
    public static final String TRACEPARENT = "traceparent";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final ObservationRegistry registry = ObservationRegistry.create();

    public TestTracing() {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setSampler(Sampler.parentBased(Sampler.alwaysOn()))
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        io.opentelemetry.api.trace.Tracer otel = sdk.getTracer("crossdesk-test");
        OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
        OtelPropagator propagator = new OtelPropagator(sdk.getPropagators(), otel);
        registry.observationConfig()
                .observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer)));
    }

    public ObservationRegistry registry() {
        return registry;
    }

    /** Every span ended so far. */
    public List<SpanData> spans() {
        return exporter.getFinishedSpanItems();
    }

    /** A sampled W3C {@code traceparent}: 32 hex digits of trace id, 16 of parent span id. */
    public static String traceparent(String traceId, String parentSpanId) {
        return "00-" + traceId + "-" + parentSpanId + "-01";
    }

    /** The trace id of a {@code traceparent} value. */
    public static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }
}
