package org.crossdesk.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.crossdesk.events.Topics;
import org.crossdesk.events.common.EventMetadata;
import org.crossdesk.events.notification.InboxMessageKind;
import org.crossdesk.events.response.AlertDelivered;
import org.crossdesk.events.response.DeliveryChannel;
import org.crossdesk.events.response.DeliveryFailed;
import org.crossdesk.events.response.ResponseEvent;
import org.crossdesk.platform.kafka.TopicProvisioner;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Records delivery outcomes on Kafka.
 *
 * <ul>
 *   <li>An alert accepted by a receiver: {@code AlertDelivered} (channel WEBHOOK) on the responses topic,
 *   once per alert and subscription (the delivery id tells subscriptions apart). Other messages are
 *   delivered with the same care but are not alerts, so they record nothing.</li>
 *   <li>A delivery given up: the original inbox record to the inbox's dead-letter topic
 *   ({@code desk.<DESK>.inbox.v1-dlt}, same partition) with the cause and the delivery and subscription
 *   ids in headers, and, for an alert, an amendment or a withdrawal, {@code DeliveryFailed} on the
 *   responses topic so the issuer and the dashboard learn that the desk's system did not get it.</li>
 * </ul>
 */
public final class KafkaDeliveryRecorder implements DeliveryRecorder {

    /** Header names on a dead-lettered delivery, besides Spring Kafka's {@code kafka_dlt-*} cause headers. */
    public static final String DELIVERY_ID_HEADER = "crossdesk-delivery-id";

    public static final String SUBSCRIPTION_ID_HEADER = "crossdesk-subscription-id";
    public static final String ATTEMPTS_HEADER = "crossdesk-attempts";
    /** The cause class header value of a delivery given up. */
    public static final String GIVEN_UP = DeliveryGivenUp.class.getName();

    private static final String PRODUCER = "notifications";

    private final KafkaOperations<String, Object> kafka;
    private final ConsumerRecordRecoverer deadLetters;
    private final TopicProvisioner deskTopics;
    private final Clock clock;

    public KafkaDeliveryRecorder(
            KafkaOperations<String, Object> kafka,
            ConsumerRecordRecoverer deadLetters,
            TopicProvisioner deskTopics,
            Clock clock) {
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.deskTopics = deskTopics;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> delivered(Delivery delivery, int attempts, Instant at) {
        if (delivery.facts().kind() != InboxMessageKind.ALERT) {
            return CompletableFuture.completedFuture(null);
        }
        AlertDelivered delivered = AlertDelivered.newBuilder()
                .setAlertId(delivery.facts().alertId())
                .setReferralId(delivery.facts().referralId())
                .setRecipientDesk(delivery.deskId())
                .setChannel(DeliveryChannel.WEBHOOK)
                .setDeliveryId(delivery.deliveryId())
                .setDeliveredAt(at)
                .setAttempts(attempts)
                .build();
        return send(delivery, delivered);
    }

    @Override
    public CompletableFuture<Void> failed(Delivery delivery, int attempts, String lastError) {
        SourceRecord source = delivery.source();
        try {
            deskTopics.ensureDeskTopics(delivery.deskId());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        ConsumerRecord<String, byte[]> given = new ConsumerRecord<>(
                source.topic(),
                source.partition(),
                source.offset(),
                source.key() == null ? null : new String(source.key(), StandardCharsets.UTF_8),
                source.value());
        given.headers()
                .add(DELIVERY_ID_HEADER, utf8(delivery.deliveryId()))
                .add(SUBSCRIPTION_ID_HEADER, utf8(delivery.subscriptionId()))
                .add(ATTEMPTS_HEADER, utf8(Integer.toString(attempts)));
        CompletableFuture<Void> deadLettered;
        try {
            // The platform's recoverer, as for every listener: same headers, same partition; it waits for the write.
            deadLetters.accept(
                    given,
                    new DeliveryGivenUp("Webhook delivery given up after " + attempts + " attempt(s): " + lastError));
            deadLettered = CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            deadLettered = CompletableFuture.failedFuture(e);
        }
        if (!delivery.facts().concernsAnAlert()) {
            return deadLettered;
        }
        DeliveryFailed failed = DeliveryFailed.newBuilder()
                .setAlertId(delivery.facts().alertId())
                .setReferralId(delivery.facts().referralId())
                .setRecipientDesk(delivery.deskId())
                .setChannel(DeliveryChannel.WEBHOOK)
                .setDeliveryId(delivery.deliveryId())
                .setAttempts(attempts)
                .setLastError(lastError)
                .build();
        return deadLettered.thenCompose(ignored -> send(delivery, failed));
    }

    private CompletableFuture<Void> send(Delivery delivery, Object event) {
        ResponseEvent response = ResponseEvent.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        // Derived from the delivery id: the same outcome written twice is recognisably the same event.
                        .setEventId(UUID.nameUUIDFromBytes(
                                        ("delivery-outcome/" + delivery.deliveryId()).getBytes(StandardCharsets.UTF_8))
                                .toString())
                        .setOccurredAt(clock.instant())
                        .setProducer(PRODUCER)
                        .setCorrelationId(delivery.facts().referralId())
                        .setCausationId(eventIdOf(delivery.deliveryId()))
                        .build())
                .setEvent(event)
                .build();
        return kafka.send(Topics.REFERRALS_RESPONSES, delivery.facts().referralId(), response)
                .thenApply(result -> null);
    }

    private static String eventIdOf(String deliveryId) {
        int dot = deliveryId.lastIndexOf('.');
        return dot < 0 ? null : deliveryId.substring(0, dot);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
