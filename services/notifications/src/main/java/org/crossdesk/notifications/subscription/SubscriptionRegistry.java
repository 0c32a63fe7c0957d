package org.crossdesk.notifications.subscription;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.crossdesk.events.notification.WebhookSubscription;

/**
 * The current subscriptions, as replayed from the compacted subscriptions topic. Every instance of the
 * service builds the same view from the same topic, so they agree; the HTTP API writes to the topic and
 * then waits until this view has read its own write ({@link #awaitOffset}), never changing the view
 * directly, so the view is always exactly the topic's state.
 */
public final class SubscriptionRegistry {

    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private long nextOffset;

    /** Applies the topic record at {@code offset}: a subscription, or a tombstone ({@code record == null}). */
    public void apply(String subscriptionId, WebhookSubscription record, long offset) {
        if (record == null) {
            byId.remove(subscriptionId);
        } else {
            byId.put(subscriptionId, Subscription.fromRecord(record));
        }
        advanceTo(offset + 1);
    }

    /**
     * Notes that the reader's position is {@code position}: every record before it has been applied (it may
     * lie beyond the last record, past transaction markers).
     */
    public void advanceTo(long position) {
        synchronized (progress) {
            if (position > nextOffset) {
                nextOffset = position;
                progress.notifyAll();
            }
        }
    }

    /**
     * Waits until the record at {@code offset} has been applied.
     *
     * @return whether it was applied within {@code timeout}
     */
    public boolean awaitOffset(long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (nextOffset <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** The subscriptions of {@code deskId}, oldest first. */
    public List<Subscription> forDesk(String deskId) {
        return byId.values().stream()
                .filter(subscription -> subscription.deskId().equals(deskId))
                .sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
                .toList();
    }

    /** The subscription with this id, if it exists. */
    public Optional<Subscription> find(String subscriptionId) {
        return Optional.ofNullable(byId.get(subscriptionId));
    }

    /** Number of subscriptions of every desk. */
    public int size() {
        return byId.size();
    }
}
