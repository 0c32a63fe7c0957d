package org.crossdesk.notifications.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Makes sure a desk's topics (inbox, outbox and their dead-letter topics) exist before this service
 * writes to one of them: a write to a missing topic would otherwise wait for metadata, or let the broker
 * auto-create it with the wrong partition count. Each desk is provisioned once per process.
 */
public final class DeskTopics {

    private final Consumer<String> provision;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /** @param provision creates a desk's topics if missing (the platform's TopicProvisioner) */
    public DeskTopics(Consumer<String> provision) {
        this.provision = provision;
    }

    /** Ensures the topics of {@code deskId} exist. */
    public void ensure(String deskId) {
        if (!provisioned.contains(deskId)) {
            provision.accept(deskId);
            provisioned.add(deskId);
        }
    }
}
