package org.crossdesk.notifications.subscription;

import java.util.List;

/**
 * What a partner system asks for when it registers a webhook (the JSON body of
 * {@code POST /api/v1/subscriptions}). Enum values arrive as text so that every wrong one is reported by
 * field, not as unreadable JSON.
 *
 * @param url             absolute http or https URL
 * @param secret          signing secret of 32 to 256 printable ASCII characters, or null to have one generated
 * @param referralTypes   referral types to receive; null or empty for all
 * @param minimumPriority lowest priority to receive, or null for all
 * @param messageKinds    inbox message kinds to receive; null or empty for all
 * @param description     free text, at most 200 characters, or null
 */
public record SubscriptionRequest(
        String url,
        String secret,
        List<String> referralTypes,
        String minimumPriority,
        List<String> messageKinds,
        String description) {

    @Override
    public String toString() {
        // The secret never reaches a log through this record.
        return "SubscriptionRequest[url=" + url + ", secret=" + (secret == null ? "none" : "(given)")
                + ", referralTypes=" + referralTypes + ", minimumPriority=" + minimumPriority
                + ", messageKinds=" + messageKinds + ", description=" + description + "]";
    }
}
