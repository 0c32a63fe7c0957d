package org.crossdesk.intake.cases;

/** Where a referral stands in its lifecycle, as intake sees it from the lifecycle topic. */
public enum ReferralStatus {
    /**
     * Written to the desk's outbox through the HTTP gateway and acknowledged by Kafka, not processed by
     * intake yet. Only the instance that answered the POST knows it, and only for a few milliseconds.
     */
    ACCEPTED,
    /** Intake accepted it; routing has not decided its recipients yet. */
    SUBMITTED,
    /** Routing sent alerts to its recipients. */
    ROUTED,
    /** The issuer withdrew it; recipients must purge it. */
    WITHDRAWN,
    /** It was closed; no further alerts or deadlines follow. */
    CLOSED
}
