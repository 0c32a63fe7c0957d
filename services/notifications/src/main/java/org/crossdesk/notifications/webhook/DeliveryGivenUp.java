package org.crossdesk.notifications.webhook;

/**
 * The cause of a dead-lettered webhook delivery: no exception is behind it, the retry policy's attempts are spent.
 * Its class name is the dead letter's {@code kafka_dlt-exception-fqcn}, which operators filter on.
 */
final class DeliveryGivenUp extends RuntimeException {

    DeliveryGivenUp(String message) {
        super(message, null, false, false);
    }
}
