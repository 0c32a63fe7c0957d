package org.crossdesk.bench.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * WebhookBench's result files: JSON, a PNG (deliveries/s as bars with the goal line, latency by percentile on a log
 * scale) and an HTML page with the table and the picture. Plain Java2D, kept apart so that it can later move to the
 * benchmarks' shared chart code without touching the measurement.
 */
final class WebhookPlot {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Color[] COLOURS = {
        new Color(0x7f7f7f), new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c)
    };

    /** One bar: a rate. */
    record Bar(String label, double perSecond) {}

    /** One latency series: milliseconds at {@link #PERCENTILES}, NaN where unknown. */
    record Series(String label, double[] millis) {}

    static final double[] PERCENTILES = {50, 90, 99, 99.9, 100};
    /** Their names, in the picture and the JSON. */
    static final String[] LABELS = {"p50", "p90", "p99", "p99.9", "max"};

    private WebhookPlot() {}

    /**
     * Writes {@code <name>.json}, {@code <name>.png} and {@code <name>.html} under {@code dir}; the bars get a dashed
     * line at {@code goalPerSecond}, named {@code goalLabel}.
     */
    static void write(
            Path dir,
            String name,
            Map<String, Object> json,
            String table,
            List<Bar> bars,
            double goalPerSecond,
            String goalLabel,
            List<Series> latency)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve(name + ".json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        ImageIO.write(
                image(bars, goalPerSecond, goalLabel, latency),
                "png",
                dir.resolve(name + ".png").toFile());
        Files.writeString(
                dir.resolve(name + ".html"),
                "<!doctype html><html><head><meta charset=\"utf-8\"><title>Crossdesk webhook benchmark</title>"
                        + "<style>body{font-family:system-ui,sans-serif;margin:2em}pre{background:#f6f6f6;padding:1em}"
                        + "</style></head><body><h1>Crossdesk webhook benchmark</h1><pre>"
                        + table.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        + "</pre><img src=\"" + name + ".png\" alt=\"deliveries/s and latency\"></body></html>\n");
    }

    private static BufferedImage image(List<Bar> bars, double goalPerSecond, String goalLabel, List<Series> latency) {
        // Headless: the benchmarks run over ssh, without a display.
        System.setProperty("java.awt.headless", "true");
        int width = 1000;
        int height = 420;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        bars(g, bars, goalPerSecond, goalLabel, 60, 40, 360, 320);
        latency(g, latency, 540, 40, 420, 320);
        g.dispose();
        return image;
    }

    private static void bars(Graphics2D g, List<Bar> bars, double goal, String goalLabel, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.drawString("deliveries/s", x, y - 15);
        double max =
                Math.max(goal, bars.stream().mapToDouble(Bar::perSecond).max().orElse(1)) * 1.15;
        g.drawLine(x, y + h, x + w, y + h);
        g.drawLine(x, y, x, y + h);
        int slot = w / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int barHeight = (int) (h * bar.perSecond() / max);
            g.setColor(COLOURS[i % COLOURS.length]);
            g.fillRect(x + i * slot + slot / 5, y + h - barHeight, slot * 3 / 5, barHeight);
            g.setColor(Color.BLACK);
            g.drawString(
                    String.format(Locale.ROOT, "%,.0f", bar.perSecond()),
                    x + i * slot + slot / 5,
                    y + h - barHeight - 4);
            g.drawString(bar.label(), x + i * slot + 4, y + h + 16);
        }
        int goalY = y + h - (int) (h * goal / max);
        g.setColor(Color.RED);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(x, goalY, x + w, goalY);
        g.setStroke(new BasicStroke(1));
        // On a white patch: the line often crosses a bar.
        int labelWidth = g.getFontMetrics().stringWidth(goalLabel);
        g.setColor(Color.WHITE);
        g.fillRect(x + w - labelWidth - 2, goalY - 16, labelWidth + 4, 14);
        g.setColor(Color.RED);
        g.drawString(goalLabel, x + w - labelWidth, goalY - 4);
    }

    private static void latency(Graphics2D g, List<Series> series, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.drawString("latency ms by percentile (log scale)", x, y - 15);
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
        g.drawLine(x, y + h, x + w, y + h);
        g.drawLine(x, y, x, y + h);
        for (double tick = min; tick <= max * 1.5; tick *= 10) {
            int ty = y + h - (int) (h * (Math.log10(tick) - logMin) / (logMax - logMin));
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, ty, x + w, ty);
            g.setColor(Color.BLACK);
            g.drawString(tick < 1 ? "0.1" : Long.toString((long) tick), x - 45, ty + 4);
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            g.drawString(LABELS[i], x + xOffset(i, w) - 10, y + h + 16);
        }
        int legendX = x;
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.setStroke(new BasicStroke(2));
            int px = -1;
            int py = -1;
            for (int i = 0; i < PERCENTILES.length; i++) {
                double v = series.get(s).millis()[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                int cx = x + xOffset(i, w);
                int cy = y + h - (int) (h * (Math.log10(Math.max(min, v)) - logMin) / (logMax - logMin));
                g.fillOval(cx - 3, cy - 3, 6, 6);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                px = cx;
                py = cy;
            }
            // Below the axis, in a row: inside the plot it would hide the lines.
            g.drawString(series.get(s).label(), legendX, y + h + 36);
            legendX += g.getFontMetrics().stringWidth(series.get(s).label()) + 20;
        }
        g.setStroke(new BasicStroke(1));
    }

    private static int xOffset(int index, int w) {
        return 20 + index * (w - 40) / (PERCENTILES.length - 1);
    }
}
