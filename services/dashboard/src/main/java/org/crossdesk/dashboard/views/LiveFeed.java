package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The most recent events, in a fixed-size ring: old ones fall off, nothing grows. Events are kept as
 * they were applied and turned into {@link FeedItem}s only when read, so a replay of a million events
 * formats the few hundred that are ever shown, not a million.
 */
final class LiveFeed {

    /** One applied event, as received (the replay's projection holds no personal data). */
    record Entry(long seq, String topic, String key, Object value) {}

    private final Entry[] ring;
    private final Function<Entry, FeedItem> format;
    private long next = 1;

    LiveFeed(int capacity, Function<Entry, FeedItem> format) {
        if (capacity < 1) {
            throw new IllegalArgumentException("feed capacity must be at least 1, was " + capacity);
        }
        this.ring = new Entry[capacity];
        this.format = format;
    }

    void add(String topic, String key, Object value) {
        ring[(int) (next % ring.length)] = new Entry(next, topic, key, value);
        next++;
    }

    /** The newest {@code limit} items, newest first. */
    List<FeedItem> latest(int limit) {
        List<FeedItem> items = new ArrayList<>();
        for (long seq = next - 1; seq >= 1 && seq >= next - ring.length && items.size() < limit; seq--) {
            items.add(format.apply(ring[(int) (seq % ring.length)]));
        }
        return items;
    }

    /** Items after {@code seq} still in the ring, oldest first. */
    List<FeedItem> after(long seq) {
        List<FeedItem> items = new ArrayList<>();
        for (long s = Math.max(seq + 1, Math.max(1, next - ring.length)); s < next; s++) {
            items.add(format.apply(ring[(int) (s % ring.length)]));
        }
        return items;
    }
}
