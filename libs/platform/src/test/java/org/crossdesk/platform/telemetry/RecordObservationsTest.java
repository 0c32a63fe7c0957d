package org.crossdesk.platform.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.SenderContext;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.crossdesk.testsupport.TestTracing;
import org.junit.jupiter.api.Test;

class RecordObservationsTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00f067aa0ba902b7";

    private final TestTracing tracing = new TestTracing();
    private final RecordObservations observations =
            new RecordObservations(tracing.registry(), "routing-fanout", "routing");

    @Test
    void aRecordsHopContinuesTheTraceOfItsHeaderAndWhatItSendsCarriesItOn() {
        ConsumerRecord<String, String> record = record(TestTracing.traceparent(TRACE, PARENT));
        Map<String, String> sent = new LinkedHashMap<>();

        observations.observe(record, () -> {
            SenderContext<Map<String, String>> context = new SenderContext<>(Map::put);
            context.setCarrier(sent);
            Observation.createNotStarted("send", () -> context, tracing.registry())
                    .observe(() -> {});
        });

        SpanData hop = span("routing-fanout").orElseThrow();
        assertThat(hop.getTraceId()).isEqualTo(TRACE);
        assertThat(hop.getParentSpanId()).isEqualTo(PARENT);
        SpanData send = tracing.spans().stream()
                .filter(span -> !span.getSpanId().equals(hop.getSpanId()))
                .findFirst()
                .orElseThrow();
        assertThat(send.getParentSpanId()).as("the send is the hop's child").isEqualTo(hop.getSpanId());
        assertThat(sent.get(TestTracing.TRACEPARENT)).startsWith("00-" + TRACE + "-" + send.getSpanId());
    }

    @Test
    void aRecordWithoutTraceStartsOne() {
        observations.observe(record(null), () -> {});

        SpanData hop = span("routing-fanout").orElseThrow();
        assertThat(hop.getTraceId()).isNotEqualTo(TRACE).hasSize(32);
        assertThat(hop.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void withoutTracingNothingIsRecorded() {
        RecordObservations.none().observe(record(TestTracing.traceparent(TRACE, PARENT)), () -> {});

        assertThat(tracing.spans()).isEmpty();
    }

    private Optional<SpanData> span(String nameFragment) {
        return tracing.spans().stream()
                .filter(span -> span.getName().contains(nameFragment)
                        || span.getAttributes().toString().contains(nameFragment))
                .findFirst();
    }

    private static ConsumerRecord<String, String> record(String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                "referrals.lifecycle.v1",
                0,
                42L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                "CD-2026-000001",
                "value",
                traceparent == null
                        ? new RecordHeaders()
                        : new RecordHeaders()
                                .add(TestTracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8)),
                Optional.empty());
        return record;
    }
}
