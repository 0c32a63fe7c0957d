package org.crossdesk.notifications.webhook;

import org.crossdesk.notifications.rendering.MessageFacts;

/**
 * One inbox message to deliver to one subscription.
 *
 * @param deliveryId     stable id, the same on every attempt and after restarts: {@code <eventId>.<subscriptionId>}
 * @param subscriptionId the subscription
 * @param deskId         the desk whose inbox it came from
 * @param facts          kind, alert and referral of the message
 * @param body           the exact JSON body POSTed on every attempt
 * @param source         the inbox record, for the dead-letter topic
 */
public record Delivery(
        String deliveryId, String subscriptionId, String deskId, MessageFacts facts, byte[] body, SourceRecord source) {

    /** The delivery id of the message with event id {@code eventId} to subscription {@code subscriptionId}. */
    public static String idOf(String eventId, String subscriptionId) {
        return eventId + "." + subscriptionId;
    }
}
