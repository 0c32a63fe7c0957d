package org.crossdesk.intake.outbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Makes sure a desk's outbox and inbox (and their dead-letter topics) exist before intake writes to them,
 * once per desk and process: creating existing topics is a no-op, but not a free one.
 */
public final class DeskTopics implements Consumer<String> {

    private final Consumer<String> provisioner;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    /** @param provisioner creates a desk's topics if missing (the platform's {@code TopicProvisioner}) */
    public DeskTopics(Consumer<String> provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public void accept(String desk) {
        if (!provisioned.contains(desk)) {
            provisioner.accept(desk);
            provisioned.add(desk);
        }
    }
}
