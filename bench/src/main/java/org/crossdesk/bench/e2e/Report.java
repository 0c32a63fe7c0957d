package org.crossdesk.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.crossdesk.bench.report.Charts;
import org.crossdesk.bench.report.ResultFiles;

/** The benchmark's table (stdout) and page (HTML with the table and PNG percentile plots, {@link Charts}). */
final class Report {

    private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.5, 99.9, 99.99};

    private Report() {}

    static String table(EndToEndBenchmark.Results r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nEnd-to-end benchmark (%d cores, load via %s, stack %s)%n%n",
                Runtime.getRuntime().availableProcessors(),
                r.options().via().equals("http")
                        ? "http, at most " + r.options().connections() + " connections"
                        : r.options().via(),
                r.secured()
                        ? "secured: SASL/SCRAM + ACLs, registry auth"
                        : "insecure: PLAINTEXT, no ACLs, no registry auth"));
        out.append(String.format(
                Locale.ROOT,
                "%-44s %10s %8s %8s %9s %8s%n",
                "measurement",
                "count",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms"));
        if (r.endToEndLatency() != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s %10s %8s %8s %9s %8s%n",
                    "Kafka EndToEndLatency (baseline, 1 KB)",
                    "3000",
                    KafkaBaseline.format(r.endToEndLatency().p50Ms()),
                    KafkaBaseline.format(r.endToEndLatency().p99Ms()),
                    KafkaBaseline.format(r.endToEndLatency().p999Ms()),
                    "-"));
        }
        for (EndToEndBenchmark.Phase phase : phases(r)) {
            row(
                    out,
                    String.format(Locale.ROOT, "submit -> inbox   @ %.0f/s (%s)", phase.offeredRate(), phase.name()),
                    phase.toInbox());
            row(
                    out,
                    String.format(Locale.ROOT, "submit -> webhook @ %.0f/s (%s)", phase.offeredRate(), phase.name()),
                    phase.toWebhook());
        }
        out.append('\n');
        out.append(String.format(
                Locale.ROOT,
                "%-44s %14s %14s %10s %10s%n",
                "throughput",
                "offered/s",
                "routed/s",
                "failed",
                "drain s"));
        if (r.producerPerformance() != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s %14s %14.0f %10s %10s%n",
                    "Kafka ProducerPerformance (baseline, 1 KB)",
                    "max",
                    r.producerPerformance().recordsPerSecond(),
                    "-",
                    "-"));
        }
        for (EndToEndBenchmark.Phase phase : phases(r)) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-44s %14.0f %14.0f %10d %10.1f%n",
                    "referrals (" + phase.name() + ")",
                    phase.offeredRate(),
                    phase.routedPerSecond(),
                    phase.failed() + phase.skipped(),
                    phase.drainSeconds()));
        }
        if (r.endToEndLatency() != null
                && r.latency() != null
                && r.latency().toInbox().getTotalCount() > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nratio submit->inbox p99 / Kafka one-hop p99: %.1fx",
                    r.latency().toInbox().getValueAtPercentile(99)
                            / 1000.0
                            / Math.max(0.001, r.endToEndLatency().p99Ms())));
        }
        if (r.producerPerformance() != null && r.throughput() != null) {
            out.append(String.format(
                    Locale.ROOT,
                    "%nratio routed referrals/s / Kafka producer records/s: %.3f",
                    r.throughput().routedPerSecond() / r.producerPerformance().recordsPerSecond()));
        }
        if (r.rssMiB() > 0) {
            out.append(String.format(Locale.ROOT, "%nRSS of broker and services after the run: %d MiB", r.rssMiB()));
        }
        return out.append('\n').toString();
    }

    private static void row(StringBuilder out, String label, Histogram h) {
        out.append(String.format(
                Locale.ROOT,
                "%-44s %10d %8.1f %8.1f %9.1f %8.1f%n",
                label,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0));
    }

    private static List<EndToEndBenchmark.Phase> phases(EndToEndBenchmark.Results r) {
        List<EndToEndBenchmark.Phase> phases = new ArrayList<>();
        if (r.latency() != null) {
            phases.add(r.latency());
        }
        if (r.throughput() != null) {
            phases.add(r.throughput());
        }
        return phases;
    }

    /**
     * The page: the table and one latency-by-percentile plot per phase (PNG beside it, {@code -<phase>.png}), with
     * Kafka's one-hop latency from the same run as the baseline line.
     */
    static Path writePage(EndToEndBenchmark.Results r, ResultFiles files) {
        List<Path> plots = new ArrayList<>();
        for (EndToEndBenchmark.Phase phase : phases(r)) {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put("submit → inbox", values(phase.toInbox()));
            series.put("submit → webhook", values(phase.toWebhook()));
            if (r.endToEndLatency() != null) {
                // Kafka's EndToEndLatency prints only p50, p99 and p99.9; the plot leaves the others out.
                series.put("Kafka one hop (baseline)", new double[] {
                    r.endToEndLatency().p50Ms(),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    r.endToEndLatency().p99Ms(),
                    Double.NaN,
                    r.endToEndLatency().p999Ms(),
                    Double.NaN
                });
            }
            plots.add(Charts.percentiles(
                    String.format(Locale.ROOT, "%s: %.0f referrals/s offered", phase.name(), phase.offeredRate()),
                    series,
                    PERCENTILES,
                    files.png(phase.name())));
        }
        return files.writeHtml("Crossdesk end-to-end benchmark", table(r), plots);
    }

    private static double[] values(Histogram h) {
        double[] values = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            values[i] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(PERCENTILES[i]) / 1000.0;
        }
        return values;
    }
}
