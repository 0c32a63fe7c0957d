package org.crossdesk.notifications.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Delivery ids whose outcome is already on the responses topic (replayed from it at start-up, and added as
 * this instance records them). A message read again after a restart, whose delivery had been recorded
 * before the consumer offset was committed, is then neither POSTed nor recorded a second time.
 */
public final class DeliveryLedger {

    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    /** Notes that the outcome of {@code deliveryId} is recorded. */
    public void recorded(String deliveryId) {
        recorded.add(deliveryId);
    }

    /** Whether the outcome of {@code deliveryId} is recorded. */
    public boolean isRecorded(String deliveryId) {
        return recorded.contains(deliveryId);
    }

    /** How many delivery outcomes are known. */
    public int size() {
        return recorded.size();
    }
}
