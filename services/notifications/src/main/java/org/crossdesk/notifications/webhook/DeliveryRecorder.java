package org.crossdesk.notifications.webhook;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Makes the end of a delivery durable: on the responses topic ({@code AlertDelivered}, {@code DeliveryFailed})
 * and, for a failure, the inbox's dead-letter topic. Futures complete when Kafka has acknowledged.
 */
public interface DeliveryRecorder {

    /** The receiver accepted {@code delivery} on attempt {@code attempts}, at {@code at}. */
    CompletableFuture<Void> delivered(Delivery delivery, int attempts, Instant at);

    /** {@code delivery} was given up after {@code attempts} attempts; {@code lastError} says why. */
    CompletableFuture<Void> failed(Delivery delivery, int attempts, String lastError);
}
