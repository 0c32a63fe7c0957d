package org.crossdesk.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both kinds of plot render headless to real PNG files, and the run's page shows them. */
class ChartsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void percentilesAndBarsAreWrittenAsPngAndShownOnThePage() throws IOException {
        ResultFiles files =
                ResultFiles.in(dir, "test", Clock.fixed(Instant.parse("2026-12-07T00:42:59.5Z"), ZoneOffset.UTC));
        Map<String, double[]> latency = new LinkedHashMap<>();
        latency.put("submit → inbox", new double[] {12.5, 40, 90, 250});
        // Kafka's tool has no p90: that point is left out, and a zero cannot be drawn on a log axis.
        latency.put("Kafka one hop (baseline)", new double[] {0, Double.NaN, 16, 34});
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        cpu.put("broker", Map.of("idle", 1.5, "demo", 4.0));
        cpu.put("intake", Map.of("idle", 0.2));

        Path percentiles = Charts.percentiles(
                "latency <by percentile>", latency, new double[] {50, 90, 99, 99.9}, files.png("latency"));
        Path bars = Charts.bars("CPU by process", "% of one core", cpu, files.png("cpu"));
        Path page = files.writeHtml("Test & run", "a < b\n", List.of(percentiles, bars));

        assertThat(percentiles).isEqualTo(dir.resolve("test-2026-12-07T004259-latency.png"));
        assertThat(bars).isEqualTo(dir.resolve("test-2026-12-07T004259-cpu.png"));
        for (Path png : List.of(percentiles, bars)) {
            assertThat(png).isRegularFile();
            assertThat(Files.readAllBytes(png)).startsWith(PNG_SIGNATURE);
        }
        assertThat(page).isEqualTo(dir.resolve("test-2026-12-07T004259.html"));
        assertThat(Files.readString(page))
                .contains("<img src=\"test-2026-12-07T004259-latency.png\" alt=\"Test &amp; run: latency\">")
                .contains("<img src=\"test-2026-12-07T004259-cpu.png\" alt=\"Test &amp; run: cpu\">")
                .contains("<pre>a &lt; b\n</pre>")
                .contains("<title>Test &amp; run</title>");
    }

    @Test
    void jsonGoesBesideThePage() throws IOException {
        ResultFiles files =
                ResultFiles.in(dir, "e2e", Clock.fixed(Instant.parse("2026-12-07T00:42:59Z"), ZoneOffset.UTC));

        Path json = files.writeJson(Map.of("secured", true));

        assertThat(json).isEqualTo(dir.resolve("e2e-2026-12-07T004259.json"));
        assertThat(Files.readString(json)).contains("\"secured\" : true");
    }

    @Test
    void theMaximumHasNoPlaceOnAPercentileAxis() {
        assertThatThrownBy(() -> Charts.percentiles(
                        "t", Map.of("s", new double[] {1, 2}), new double[] {50, 100}, dir.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
