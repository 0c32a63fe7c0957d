package org.crossdesk.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The files of one benchmark run, named in one place: {@code bench/target/results/<benchmark>-<UTC time>} followed
 * by {@code .json}, {@code .html} or {@code -<what>.png}, e.g. {@code e2e-2026-12-07T004259.json}. Runs sort by
 * time, and a page's pictures sit beside it under the same stem, so the page links them by file name.
 */
public final class ResultFiles {

    /** Relative to the repository (the benchmarks' {@code --home}, by default the working directory). */
    public static final Path RESULTS_DIR = Path.of("bench", "target", "results");

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final String stem;

    private ResultFiles(Path dir, String stem) {
        this.dir = dir;
        this.stem = stem;
    }

    /** A run of {@code benchmarkName} now, under {@code bench/target/results} of the working directory. */
    public static ResultFiles of(String benchmarkName) {
        return of(Path.of(""), benchmarkName);
    }

    /** A run of {@code benchmarkName} now, under {@code <home>/bench/target/results}. */
    public static ResultFiles of(Path home, String benchmarkName) {
        return in(home.resolve(RESULTS_DIR), benchmarkName, Clock.systemUTC());
    }

    /** A run in any directory at the clock's time (tests). The directory is created. */
    static ResultFiles in(Path dir, String benchmarkName, Clock clock) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new ResultFiles(
                dir.toAbsolutePath().normalize(),
                benchmarkName + "-" + STAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    public Path dir() {
        return dir;
    }

    /** {@code <benchmark>-<time>}, what every file of the run starts with. */
    public String stem() {
        return stem;
    }

    public Path json() {
        return named(".json");
    }

    public Path html() {
        return named(".html");
    }

    /** A plot: {@code <stem>-<suffix>.png}. */
    public Path png(String suffix) {
        return named("-" + suffix + ".png");
    }

    /** Any other file of the run: {@code <stem><suffix>}, e.g. {@code -hops.txt}. */
    public Path named(String suffix) {
        return dir.resolve(stem + suffix);
    }

    /** The run's figures as pretty-printed JSON, to {@link #json()}. */
    public Path writeJson(Object value) {
        try {
            Files.writeString(json(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
            return json();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json(), e);
        }
    }

    /**
     * A small page, to {@link #html()}: the title, the table as printed on stdout, and the plots, each linked by its
     * file name (they are written beside the page, so the directory can be moved or archived as a whole).
     */
    public Path writeHtml(String title, String preformattedTable, List<Path> pngs) {
        StringBuilder page = new StringBuilder();
        page.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:60em}")
                .append("pre{background:#f6f6f6;padding:1em;overflow-x:auto}img{display:block;max-width:100%;")
                .append("border:1px solid #ddd;margin:1em 0}</style></head><body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<pre>")
                .append(escape(preformattedTable))
                .append("</pre>\n");
        for (Path png : pngs) {
            String name = png.getFileName().toString();
            page.append("<img src=\"")
                    .append(escape(name))
                    .append("\" alt=\"")
                    .append(escape(title + ": " + describe(name)))
                    .append("\">\n");
        }
        page.append("</body></html>\n");
        try {
            Files.writeString(html(), page);
            return html();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + html(), e);
        }
    }

    /** What a plot shows, from its name: {@code e2e-<time>-latency.png} → {@code latency}. */
    private String describe(String fileName) {
        String name = fileName.replaceFirst("\\.png$", "");
        return name.startsWith(stem + "-") ? name.substring(stem.length() + 1) : name;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
