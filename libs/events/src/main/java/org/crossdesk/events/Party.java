package org.crossdesk.events;

/**
 * Who takes part in Crossdesk's Kafka traffic: each service, the auditors, and the desk a per-desk topic
 * belongs to. {@link Topics#access} says which parties write and read each topic; Crossdesk's Kafka ACLs
 * are computed from that table (libs/access), so a topic's readers and writers are written down once.
 */
public enum Party {
    /** Validates desk submissions and responses; the HTTP gateway writes outboxes on a desk's behalf. */
    INTAKE("intake"),
    /** Owns the directory and routes referrals to desks' inboxes in Kafka transactions. */
    ROUTING("routing"),
    /** Delivers inbox messages (webhooks, live stream) and watches deadlines. */
    NOTIFICATIONS("notifications"),
    /** Builds the supervisors' operational picture from the referral streams. */
    DASHBOARD("dashboard"),
    /** Keeps the schemas in its own compacted topic. */
    SCHEMA_REGISTRY("schema-registry"),
    /** Reads the audit trail, and nothing else. */
    AUDITOR("auditor"),
    /** The desk whose outbox or inbox a per-desk topic is: that desk only, never another. */
    OWNING_DESK("desk");

    private final String id;

    Party(String id) {
        this.id = id;
    }

    /** The short name: a service's {@code spring.application.name} and consumer-group prefix. */
    public String id() {
        return id;
    }

    /** Whether this party is one of Crossdesk's own services. */
    public boolean isService() {
        return this != AUDITOR && this != OWNING_DESK;
    }
}
