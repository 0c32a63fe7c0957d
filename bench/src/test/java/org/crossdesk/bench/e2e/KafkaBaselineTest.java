package org.crossdesk.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The baseline figures come from the tools' printed output (Kafka 4.1.2's format, captured on this machine). */
class KafkaBaselineTest {

    @Test
    void producerPerformanceTakesTheFinalSummaryNotTheProgressLines() {
        String out = """
        21696 records sent, 4334.9 records/sec (4.13 MB/sec), 6280.6 ms avg latency, 6845.0 ms max latency.
        200000 records sent, 3621.0 records/sec (3.45 MB/sec), 7397.75 ms avg latency, 11047.00 ms max latency, \
        7215 ms 50th, 10424 ms 95th, 10878 ms 99th, 10968 ms 99.9th.
        SLF4J(W): No SLF4J providers were found.
        """;

        KafkaBaseline.Result result = KafkaBaseline.parseProducerPerformance(out);

        assertThat(result.recordsPerSecond()).isEqualTo(3621.0);
        assertThat(result.mbPerSecond()).isEqualTo(3.45);
        assertThat(result.p50Ms()).isEqualTo(7215);
        assertThat(result.p99Ms()).isEqualTo(10878);
        assertThat(result.p999Ms()).isEqualTo(10968);
    }

    @Test
    void endToEndLatencyPercentiles() {
        String out = """
        0\t269.450215
        1000\t8.312584000000001
        Avg latency: 29.6621 ms
        Percentiles: 50th = 16, 99th = 153, 99.9th = 282
        """;

        KafkaBaseline.Result result = KafkaBaseline.parseEndToEndLatency(out);

        assertThat(result.p50Ms()).isEqualTo(16);
        assertThat(result.p99Ms()).isEqualTo(153);
        assertThat(result.p999Ms()).isEqualTo(282);
    }

    @Test
    void outputWithoutASummaryIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> KafkaBaseline.parseProducerPerformance("Exception: topic not found"))
                .hasMessageContaining("topic not found");
    }
}
