package org.crossdesk.bench.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The benchmark's table (stdout) and page (HTML with inline SVG percentile plots). */
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

    /** A page with the table and one latency-by-percentile plot per phase (log scale on both axes). */
    static String html(EndToEndBenchmark.Results r) {
        StringBuilder page = new StringBuilder("""
        <!doctype html><html><head><meta charset="utf-8"><title>Crossdesk end-to-end benchmark</title>
        <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}pre{background:#f6f6f6;padding:1em}
        svg{border:1px solid #ddd;margin:1em 0}text{font-size:11px}</style></head><body>
        <h1>Crossdesk end-to-end benchmark</h1>
        """);
        page.append("<pre>").append(escape(table(r))).append("</pre>");
        for (EndToEndBenchmark.Phase phase : phases(r)) {
            List<Series> series = new ArrayList<>();
            series.add(new Series("submit → inbox", "#1f77b4", values(phase.toInbox())));
            series.add(new Series("submit → webhook", "#d62728", values(phase.toWebhook())));
            if (r.endToEndLatency() != null) {
                series.add(new Series("Kafka one hop (baseline)", "#7f7f7f", new double[] {
                    r.endToEndLatency().p50Ms(),
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    r.endToEndLatency().p99Ms(),
                    Double.NaN,
                    r.endToEndLatency().p999Ms(),
                    Double.NaN
                }));
            }
            page.append(String.format(
                    Locale.ROOT, "<h2>%s: %.0f referrals/s offered</h2>", phase.name(), phase.offeredRate()));
            page.append(svg(series));
        }
        return page.append("</body></html>\n").toString();
    }

    private record Series(String label, String colour, double[] millis) {}

    private static double[] values(Histogram h) {
        double[] values = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            values[i] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(PERCENTILES[i]) / 1000.0;
        }
        return values;
    }

    private static String svg(List<Series> series) {
        int width = 720;
        int height = 360;
        int left = 60;
        int bottom = 40;
        double max = 1;
        double min = 0.1;
        for (Series s : series) {
            for (double v : s.millis()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        double logMin = Math.log10(min);
        double logMax = Math.log10(max * 1.5);
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\">", width, height));
        for (double tick = min; tick <= max * 1.5; tick *= 10) {
            double y = y(tick, logMin, logMax, height, bottom);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                            + "<text x=\"5\" y=\"%.1f\">%s ms</text>",
                    left,
                    width - 10,
                    y,
                    y,
                    y + 4,
                    tick < 1 ? "0.1" : (long) tick));
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            double x = x(i, left, width);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">p%s</text>",
                    x,
                    height - 20,
                    trim(PERCENTILES[i])));
        }
        int legendY = 15;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < PERCENTILES.length; i++) {
                double v = s.millis()[i];
                if (!Double.isNaN(v)) {
                    double cx = x(i, left, width);
                    double cy = y(Math.max(min, v), logMin, logMax, height, bottom);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", cx, cy));
                    svg.append(String.format(
                            Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", cx, cy, s.colour()));
                }
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>",
                    s.colour(),
                    points.toString().trim()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>",
                    left + 10,
                    legendY,
                    s.colour(),
                    escape(s.label())));
            legendY += 14;
        }
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int left, int width) {
        return left + 20 + index * (width - left - 40) / (double) (PERCENTILES.length - 1);
    }

    private static double y(double millis, double logMin, double logMax, int height, int bottom) {
        double fraction = (Math.log10(millis) - logMin) / (logMax - logMin);
        return (height - bottom) - fraction * (height - bottom - 30);
    }

    private static String trim(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
