package org.crossdesk.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The benchmarks' plots, drawn by JFreeChart into PNG files that their HTML pages embed (a picture opens anywhere,
 * and one library draws every benchmark's plots alike). Rendering needs no display: {@code java.awt.headless} is set
 * unless the caller chose otherwise.
 */
public final class Charts {

    static {
        // A benchmark runs on a server or in CI: AWT must not look for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int WIDTH = 900;
    private static final int HEIGHT = 480;
    private static final Font LABELS = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /**
     * In the order series are given: Okabe–Ito colours, distinct on white and for the common colour blindnesses, with
     * grey third, the end-to-end plots' baseline.
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x7F7F7F),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9),
        new Color(0x000000)
    };

    private Charts() {}

    /**
     * Latency by percentile, one line per series, milliseconds on a log axis. The percentile axis is spread by
     * "nines" ({@code -log10(1 - p/100)}), so that p99, p99.9 and p99.99 get as much room as p50–p90, as in
     * HdrHistogram's plots. A NaN value (a percentile a series does not have, e.g. Kafka's tool prints only three) is
     * left out and the line joins its neighbours; so is a value of zero or less, which a log axis cannot show.
     *
     * @param seriesMillis label → one value in ms per entry of {@code percentiles}
     * @return {@code png}
     */
    public static Path percentiles(String title, Map<String, double[]> seriesMillis, double[] percentiles, Path png) {
        for (double percentile : percentiles) {
            if (!(percentile > 0 && percentile < 100)) {
                // p100 (the maximum) is infinitely many nines away: it has no place on this axis.
                throw new IllegalArgumentException("percentiles are above 0 and below 100, not " + percentile);
            }
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (Map.Entry<String, double[]> entry : seriesMillis.entrySet()) {
            if (entry.getValue().length != percentiles.length) {
                throw new IllegalArgumentException(entry.getKey() + " has " + entry.getValue().length + " values for "
                        + percentiles.length + " percentiles");
            }
            XYSeries series = new XYSeries(entry.getKey(), false);
            for (int i = 0; i < percentiles.length; i++) {
                double millis = entry.getValue()[i];
                if (!Double.isNaN(millis) && millis > 0) {
                    series.add(nines(percentiles[i]), millis);
                }
            }
            dataset.addSeries(series);
        }

        PercentileAxis x = new PercentileAxis(percentiles);
        LogAxis y = new LogAxis("latency (ms, log scale)");
        y.setBase(10);
        y.setSmallestValue(0.01);
        // A tick per power of ten over whole decades: 1, 10, 100 ms rather than JFreeChart's 10^0.2 steps.
        y.setAutoTickUnitSelection(false);
        y.setTickUnit(new NumberTickUnit(1));
        decades(dataset).ifPresent(range -> y.setRange(range[0], range[1]));
        // Plain numbers (0.1, 1, 10, 100 ms) rather than powers of ten.
        y.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        y.setTickLabelFont(LABELS);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return save(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), png);
    }

    /**
     * Grouped bars: one group per category, one bar per series in it (e.g. per process, its CPU when idle and under
     * load). A series missing from a category leaves a gap. Categories and series appear in the maps' iteration order.
     *
     * @param groups category → series → value
     * @return {@code png}
     */
    public static Path bars(String title, String valueAxisLabel, Map<String, Map<String, Double>> groups, Path png) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<String> series = new ArrayList<>();
        groups.values()
                .forEach(values -> values.keySet().stream()
                        .filter(name -> !series.contains(name))
                        .forEach(series::add));
        for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
            for (String name : series) {
                // Every series in every category, so that each keeps its place and colour in every group.
                dataset.addValue(group.getValue().get(name), name, group.getKey());
            }
        }
        CategoryAxis x = new CategoryAxis();
        x.setTickLabelFont(LABELS);
        if (groups.size() > 6) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis y = new NumberAxis(valueAxisLabel);
        y.setTickLabelFont(LABELS);
        // Room above the tallest bar for its value.
        y.setUpperMargin(0.12);
        BarRenderer renderer = new BarRenderer();
        // Flat bars without shadows: the default gradient adds nothing to read.
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        // The value on each bar: the figures are what the reader compares, the bars only guide the eye.
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator(
                "{2}", new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABELS.deriveFont(10f));
        for (int i = 0; i < series.size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(dataset, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        return save(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true), png);
    }

    private static Path save(JFreeChart chart, Path png) {
        chart.setBackgroundPaint(Color.WHITE);
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    /** From the decade below the smallest value to the decade above the largest; empty without values. */
    private static Optional<double[]> decades(XYSeriesCollection dataset) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int s = 0; s < dataset.getSeriesCount(); s++) {
            for (int i = 0; i < dataset.getItemCount(s); i++) {
                double value = dataset.getYValue(s, i);
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (max == 0) {
            return Optional.empty();
        }
        double low = Math.pow(10, Math.floor(Math.log10(min)));
        double high = Math.pow(10, Math.ceil(Math.log10(max)));
        return Optional.of(new double[] {low, high > low ? high : low * 10});
    }

    /** Where a percentile sits on the nines scale: p90 → 1, p99 → 2, p99.9 → 3. */
    static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100);
    }

    /** A value axis on the nines scale whose ticks are exactly the plotted percentiles, labelled p50, p99.9, ... */
    private static final class PercentileAxis extends NumberAxis {

        private final double[] percentiles;

        PercentileAxis(double[] percentiles) {
            super("percentile");
            this.percentiles = percentiles.clone();
            setTickLabelFont(LABELS);
            setAutoRangeIncludesZero(false);
            double first = nines(percentiles[0]);
            double last = nines(percentiles[percentiles.length - 1]);
            double margin = Math.max(0.1, (last - first) * 0.04);
            setRange(first - margin, last + margin);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"}) // JFreeChart's signature is a raw List of ticks
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = new ArrayList();
            for (double percentile : percentiles) {
                ticks.add(new NumberTick(
                        nines(percentile), label(percentile), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }

        private static String label(double percentile) {
            return "p" + new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(percentile);
        }
    }
}
