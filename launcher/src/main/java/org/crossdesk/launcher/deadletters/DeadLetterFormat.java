package org.crossdesk.launcher.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.crossdesk.events.DeadLetterHeaders;

/**
 * What {@code ./crossdesk dead-letters} prints. Never a record's value: it may hold personal data; only its size.
 * Keys (referral ids, desk references) and the cause are what an operator needs to find and judge a record.
 */
final class DeadLetterFormat {

    // Headers shown on lines of their own; every other header is listed after them.
    private static final Set<String> SHOWN = Set.of(
            DeadLetterHeaders.ORIGINAL_TOPIC,
            DeadLetterHeaders.ORIGINAL_PARTITION,
            DeadLetterHeaders.ORIGINAL_OFFSET,
            DeadLetterHeaders.ORIGINAL_TIMESTAMP,
            DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP,
            DeadLetterHeaders.EXCEPTION_FQCN,
            DeadLetterHeaders.EXCEPTION_CAUSE_FQCN,
            DeadLetterHeaders.EXCEPTION_MESSAGE,
            DeadLetterHeaders.EXCEPTION_STACKTRACE,
            DeadLetterHeaders.ROOT_CAUSE);
    // Longer header values are summarised by their size: a line per header stays readable.
    private static final int MAX_HEADER_TEXT = 200;

    private DeadLetterFormat() {}

    /** The {@code list} table. */
    static String topics(List<TopicSummary> topics) {
        if (topics.isEmpty()) {
            return "No dead-letter topics.\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"topic", "records", "waiting", "oldest", "newest", "retention"});
        boolean tooLong = false;
        for (TopicSummary topic : topics) {
            String retention = duration(topic.retention());
            if (topic.keepsLongerThanTheCatalogue()) {
                tooLong = true;
                retention += " (catalogue: " + duration(TopicSummary.catalogueRetention(topic.name())) + ")";
            }
            rows.add(new String[] {
                topic.name(),
                Long.toString(topic.records()),
                Long.toString(topic.waiting()),
                topic.oldest().map(DeadLetterFormat::time).orElse("-"),
                topic.newest().map(DeadLetterFormat::time).orElse("-"),
                retention
            });
        }
        StringBuilder out = new StringBuilder(table(rows));
        long waiting = topics.stream().mapToLong(TopicSummary::waiting).sum();
        out.append(
                waiting == 0 ? "Nothing waiting.\n" : waiting + " dead letter(s) waiting: show TOPIC, then redrive.\n");
        if (tooLong) {
            out.append("Some keep dead letters longer than the catalogue allows: retention --apply bounds them.\n");
        }
        return out.toString();
    }

    /** One record of {@code show}; {@code waiting}: not redriven yet. */
    static String record(DeadLetter letter, boolean waiting) {
        StringBuilder out = new StringBuilder();
        out.append(letter.coordinates())
                .append("  ")
                .append(time(letter.timestamp()))
                .append("  ")
                .append(waiting ? "waiting" : "redriven")
                .append('\n');
        line(out, "key", letter.key() == null ? "(none)" : printable(letter.key()));
        line(
                out,
                "value",
                letter.valueSize() < 0
                        ? "(none: a tombstone)"
                        : letter.valueSize() + " bytes (not shown: it may hold personal data)");
        StringBuilder from = new StringBuilder(letter.originalTopic());
        letter.originalPartition().ifPresent(p -> from.append('-').append(p));
        letter.originalOffset().ifPresent(o -> from.append('@').append(o));
        letter.originalTimestamp().ifPresent(t -> from.append(", written ").append(time(t)));
        letter.text(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP)
                .ifPresent(group -> from.append(", read by group ").append(group));
        line(out, "from", from.toString());
        letter.text(DeadLetterHeaders.EXCEPTION_FQCN)
                .ifPresent(fqcn -> line(
                        out,
                        "exception",
                        fqcn
                                + letter.text(DeadLetterHeaders.EXCEPTION_MESSAGE)
                                        .map(message -> ": " + oneLine(message))
                                        .orElse("")));
        letter.text(DeadLetterHeaders.EXCEPTION_CAUSE_FQCN).ifPresent(cause -> line(out, "cause", cause));
        letter.text(DeadLetterHeaders.ROOT_CAUSE).ifPresent(root -> line(out, "root cause", oneLine(root)));
        letter.text(DeadLetterHeaders.EXCEPTION_STACKTRACE)
                .ifPresent(trace ->
                        line(out, "stack trace", trace.getBytes(StandardCharsets.UTF_8).length + " bytes (not shown)"));
        List<String> others = new ArrayList<>();
        for (Header header : letter.headers()) {
            if (!SHOWN.contains(header.key())) {
                others.add(
                        header.value() == null
                                ? header.key()
                                : header.value().length > MAX_HEADER_TEXT
                                        ? header.key() + " (" + header.value().length + " bytes)"
                                        : header.key() + "=" + printable(header.value()));
            }
        }
        if (!others.isEmpty()) {
            line(out, "headers", String.join(", ", others));
        }
        return out.toString();
    }

    /** What {@code redrive} did with one record. */
    static String redriven(DeadLetter letter, String topic, int partition, long offset) {
        return "redriven " + letter.coordinates() + " -> " + topic + "-" + partition + "@" + offset + "  key "
                + (letter.key() == null ? "(none)" : printable(letter.key())) + ", "
                + Math.max(letter.valueSize(), 0) + " bytes\n";
    }

    /**
     * The {@code retention} report: each topic's retention against the catalogue's, and what is (or, without
     * {@code apply}, would be) done.
     */
    static String retention(List<TopicSummary> topics, boolean apply) {
        if (topics.isEmpty()) {
            return topics(topics);
        }
        int width =
                topics.stream().mapToInt(topic -> topic.name().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (TopicSummary topic : topics) {
            Optional<Duration> bound = TopicSummary.catalogueRetention(topic.name());
            String now = duration(topic.retention());
            String verdict;
            if (bound.isEmpty()) {
                verdict = now + "  (not a catalogue topic's: left alone)";
            } else if (topic.keepsLongerThanTheCatalogue()) {
                verdict = now + " -> " + duration(bound) + (apply ? "  (set)" : "  (retention --apply sets it)");
            } else {
                verdict = now + "  (within the catalogue's " + duration(bound) + ")";
            }
            out.append(String.format("%-" + width + "s  %s%n", topic.name(), verdict));
        }
        return out.toString();
    }

    /** A retention, in days when it is whole days. */
    static String duration(Optional<Duration> retention) {
        if (retention.isEmpty()) {
            return "forever";
        }
        Duration d = retention.get();
        if (d.toHours() % 24 == 0 && d.toMillis() % 3_600_000 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMillis() + " ms";
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** UTF-8 text with control characters escaped, or the size of bytes that are not text. */
    static String printable(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        } catch (CharacterCodingException notText) {
            return "(" + bytes.length + " bytes, not text)";
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " | ");
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(String.format("%-12s", label)).append(value).append('\n');
    }

    private static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // Numbers right-aligned, text left-aligned.
                boolean number = i == 1 || i == 2;
                String cell = number
                        ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
