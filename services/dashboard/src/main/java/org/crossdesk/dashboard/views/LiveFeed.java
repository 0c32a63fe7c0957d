package org.crossdesk.dashboard.views;

import java.util.ArrayList;
import java.util.List;

/** The most recent feed items, in a fixed-size ring: old items fall off, nothing grows. */
final class LiveFeed {

  private final FeedItem[] ring;
  private long next = 1;

  LiveFeed(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("feed capacity must be at least 1, was " + capacity);
    }
    this.ring = new FeedItem[capacity];
  }

  long nextSeq() {
    return next;
  }

  void add(FeedItem item) {
    ring[(int) (item.seq() % ring.length)] = item;
    next = item.seq() + 1;
  }

  /** The newest {@code limit} items, newest first. */
  List<FeedItem> latest(int limit) {
    List<FeedItem> items = new ArrayList<>();
    for (long seq = next - 1; seq >= 1 && seq >= next - ring.length && items.size() < limit; seq--) {
      items.add(ring[(int) (seq % ring.length)]);
    }
    return items;
  }

  /** Items after {@code seq} still in the ring, oldest first. */
  List<FeedItem> after(long seq) {
    List<FeedItem> items = new ArrayList<>();
    for (long s = Math.max(seq + 1, Math.max(1, next - ring.length)); s < next; s++) {
      items.add(ring[(int) (s % ring.length)]);
    }
    return items;
  }
}
