package org.crossdesk.notifications.stream;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A position in a desk's inbox: for every partition, the offset of the next record to send. It is the
 * {@code id:} of every live-stream event (after that event), so a client reconnecting with
 * {@code Last-Event-ID} resumes exactly after the last event it saw on every partition: no gap and no
 * repeat, whichever instance serves it and however often the service restarted in between. Text form:
 * {@code <partition>-<offset>} pairs in partition order, separated by commas, e.g. {@code 0-15,1-7,2-22}.
 * Immutable.
 */
public final class StreamPosition {

    private static final Pattern PAIR = Pattern.compile("(\\d{1,5})-(\\d{1,19})");
    private static final int MAX_PARTITIONS = 1024;

    private final TreeMap<Integer, Long> next;

    private StreamPosition(Map<Integer, Long> next) {
        this.next = new TreeMap<>(next);
    }

    /** A position from partition → next offset. */
    public static StreamPosition of(Map<Integer, Long> next) {
        return new StreamPosition(next);
    }

    /**
     * Parses the text form.
     *
     * @return empty if {@code text} is not a valid position
     */
    public static Optional<StreamPosition> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<Integer, Long> next = new TreeMap<>();
        String[] pairs = text.trim().split(",", -1);
        if (pairs.length > MAX_PARTITIONS) {
            return Optional.empty();
        }
        for (String pair : pairs) {
            Matcher matcher = PAIR.matcher(pair.trim());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            try {
                if (next.put(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))) != null) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new StreamPosition(next));
    }

    /** The position after sending the record at {@code offset} of {@code partition}. */
    public StreamPosition after(int partition, long offset) {
        TreeMap<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, offset + 1);
        return new StreamPosition(moved);
    }

    /** The next offset to send from {@code partition}, if the position covers it. */
    public Optional<Long> nextOffset(int partition) {
        return Optional.ofNullable(next.get(partition));
    }

    /** Partition → next offset. */
    public Map<Integer, Long> offsets() {
        return Collections.unmodifiableMap(next);
    }

    /** The text form, the SSE event id. */
    public String text() {
        return next.entrySet().stream()
                .map(e -> e.getKey() + "-" + e.getValue())
                .collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition that && next.equals(that.next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
