package org.crossdesk.notifications.webhook;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Which offset of one inbox partition may be committed while deliveries finish out of order. Kafka's
 * committed offset means "everything before it is done", so it may advance only to the lowest offset
 * still being delivered; with nothing in progress, to the consumer's position (which also steps over
 * transaction markers). A record is therefore never committed before its deliveries are finished, and a
 * restart redelivers exactly the unfinished ones (and possibly some finished after them: at least once).
 * Used by the consumer thread only.
 */
final class PartitionProgress {

    private final TreeSet<Long> inProgress = new TreeSet<>();
    private long committed = -1;

    /** The record at {@code offset} was handed to the dispatcher. */
    void started(long offset) {
        inProgress.add(offset);
    }

    /** Every delivery of the record at {@code offset} is finished. */
    void finished(long offset) {
        inProgress.remove(offset);
    }

    /** Records handed over and not finished. */
    int inProgress() {
        return inProgress.size();
    }

    /**
     * The offset to commit now, given the consumer's {@code position}, if it is beyond what was committed.
     * Call {@link #committed(long)} once the commit is sent.
     */
    OptionalLong committable(long position) {
        long safe = inProgress.isEmpty() ? position : inProgress.first();
        return safe > committed ? OptionalLong.of(safe) : OptionalLong.empty();
    }

    /** {@code offset} was committed. */
    void committed(long offset) {
        committed = Math.max(committed, offset);
    }
}
