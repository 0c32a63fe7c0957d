package org.crossdesk.notifications.subscription;

import org.crossdesk.events.notification.WebhookSubscription;

/** Where subscriptions are kept durably: the compacted subscriptions topic. */
public interface SubscriptionStore {

    /**
     * Writes {@code record} (null: a tombstone) under {@code subscriptionId} and returns its offset once the
     * broker has acknowledged it.
     */
    long write(String subscriptionId, WebhookSubscription record);
}
