package org.crossdesk.intake.cases;

/**
 * Progress of one alert (one referral at one recipient desk). The states are ordered by progress; a missed
 * deadline shows as {@link #BREACHED} only while the step it was set for is still outstanding (an
 * acknowledgement that arrives late replaces an acknowledgement breach).
 */
public enum RecipientState {
    /** Routing sent the alert; no delivery confirmed yet. */
    ROUTED,
    /** Delivery to the desk's systems gave up after retries. */
    DELIVERY_FAILED,
    /** The desk's system confirmed receipt. */
    DELIVERED,
    /** An outstanding deadline was missed. */
    BREACHED,
    /** An officer at the desk acknowledged the alert. */
    ACKNOWLEDGED,
    /** The desk reported action on the alert. */
    ACTIONED
}
