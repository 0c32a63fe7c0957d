package org.crossdesk.notifications.subscription;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.crossdesk.events.Topics;
import org.crossdesk.events.notification.WebhookSubscription;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;

/** Keeps subscriptions in the compacted {@value Topics#NOTIFICATIONS_SUBSCRIPTIONS} topic. */
public final class KafkaSubscriptionStore implements SubscriptionStore {

    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaOperations<String, Object> kafka;

    public KafkaSubscriptionStore(KafkaOperations<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public long write(String subscriptionId, WebhookSubscription record) {
        try {
            SendResult<String, Object> result = kafka.send(Topics.NOTIFICATIONS_SUBSCRIPTIONS, subscriptionId, record)
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return result.getRecordMetadata().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while storing subscription " + subscriptionId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not store subscription " + subscriptionId, e);
        }
    }
}
