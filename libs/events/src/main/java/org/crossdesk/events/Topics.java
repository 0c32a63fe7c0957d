package org.crossdesk.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crossdesk.events.audit.AuditEvent;
import org.crossdesk.events.deadline.DeadlineBreached;
import org.crossdesk.events.directory.CooperationAgreement;
import org.crossdesk.events.directory.DeskProfile;
import org.crossdesk.events.inbox.InboxMessage;
import org.crossdesk.events.notification.WebhookSubscription;
import org.crossdesk.events.outbox.OutboxMessage;
import org.crossdesk.events.referral.ReferralEvent;
import org.crossdesk.events.response.ResponseEvent;

/**
 * The catalogue of every Crossdesk topic (docs/design/architecture.md §2): the only place topic names are spelled.
 *
 * <p>Each fixed topic has its name as a compile-time constant, usable in annotations
 * ({@code @KafkaListener(topics = Topics.REFERRALS_LIFECYCLE)}), and a typed descriptor
 * ({@link #REFERRALS_LIFECYCLE_TOPIC}) with key and value types, partitions, cleanup policy and
 * retention. Per-desk topics are built from a validated desk id ({@link #deskOutbox(String)},
 * {@link #deskInbox(String)}) and matched by {@link #DESK_OUTBOX_PATTERN} / {@link #DESK_INBOX_PATTERN}
 * ({@code @KafkaListener(topicPattern = Topics.DESK_OUTBOX_PATTERN)}).
 *
 * <p>Every event topic is keyed by a String: the referral id for referral traffic (so each referral's
 * events stay in order on one partition), the desk or agreement id for the compacted directory, the
 * actor for audit. A topic whose value schema must change incompatibly gets a new {@code .v2} name.
 */
public final class Topics {

    /** Lifecycle of every referral: submitted, rejected, routed, amended, withdrawn, closed. Key: referral id. */
    public static final String REFERRALS_LIFECYCLE = "referrals.lifecycle.v1";
    /** Delivery and recipient responses: delivered, delivery failed, acknowledged, actioned. Key: referral id. */
    public static final String REFERRALS_RESPONSES = "referrals.responses.v1";
    /** Missed acknowledgement and response deadlines. Key: referral id. */
    public static final String DEADLINES_BREACHES = "deadlines.breaches.v1";
    /** Directory of desks, compacted. Key: desk id. */
    public static final String DIRECTORY_DESKS = "directory.desks.v1";
    /** Cooperation agreements, compacted. Key: agreement id. */
    public static final String DIRECTORY_AGREEMENTS = "directory.agreements.v1";
    /** Who read or did what, why, allowed or denied. Key: actor. */
    public static final String AUDIT = "audit.v1";
    /** Partner systems' webhook subscriptions, compacted. Key: subscription id. */
    public static final String NOTIFICATIONS_SUBSCRIPTIONS = "notifications.subscriptions.v1";
    /** The schema registry's own store (Confluent-compatible), compacted, one partition. */
    public static final String SCHEMAS = "_schemas";

    /** Suffix of every dead-letter topic, {@code <topic>-dlt}. */
    public static final String DEAD_LETTER_SUFFIX = Topic.DEAD_LETTER_SUFFIX;

    /**
     * The longest any dead letter is kept ({@link Topic#deadLetter()}: its source's retention if that is shorter).
     * A dead letter is a copy of a record, personal data included, waiting for an operator to redrive it
     * (docs/operations.md); the original stays in its source topic. Two weeks lets one on call notice it, fix the
     * cause and redrive over two weekends; a copy kept longer than its original would defeat the source's retention,
     * the data-protection limit on that data (decision 0012).
     */
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(14);

    /** Prefix of per-desk topic names. */
    public static final String DESK_TOPIC_PREFIX = "desk.";
    /** Suffix of a desk's outbox topic name. */
    public static final String OUTBOX_SUFFIX = ".outbox.v1";
    /** Suffix of a desk's inbox topic name. */
    public static final String INBOX_SUFFIX = ".inbox.v1";

    /**
     * Regex matching exactly the desk outbox topics ({@code desk.<DESK>.outbox.v1}); not their
     * dead-letter topics. Kafka pattern subscriptions match the whole name.
     */
    public static final String DESK_OUTBOX_PATTERN = "desk\\.(" + DeskId.REGEX + ")\\.outbox\\.v1";
    /** Regex matching exactly the desk inbox topics ({@code desk.<DESK>.inbox.v1}); not their dead-letter topics. */
    public static final String DESK_INBOX_PATTERN = "desk\\.(" + DeskId.REGEX + ")\\.inbox\\.v1";

    // Six partitions spread the referral streams over the consumers of a small cluster; per-referral
    // order holds because the key is the referral id.
    private static final int REFERRAL_PARTITIONS = 6;
    // One desk's own traffic is small, and per-desk topics multiply by the number of desks.
    private static final int DESK_PARTITIONS = 3;
    // Directory topics are small tables every service reads completely; one partition keeps them in order.
    private static final int DIRECTORY_PARTITIONS = 1;
    // Outbox records are consumed by intake within seconds; the lifecycle topic is the durable record.
    private static final Duration OUTBOX_RETENTION = Duration.ofDays(7);
    // Desk systems may be offline for a while and resume their stream; a month covers holidays and outages.
    private static final Duration INBOX_RETENTION = Duration.ofDays(30);

    /** {@value #REFERRALS_LIFECYCLE}: kept forever; services rebuild their state from it. */
    public static final Topic<String, ReferralEvent> REFERRALS_LIFECYCLE_TOPIC = new Topic<>(
            REFERRALS_LIFECYCLE,
            String.class,
            ReferralEvent.class,
            REFERRAL_PARTITIONS,
            Topic.CleanupPolicy.DELETE,
            null);
    /** {@value #REFERRALS_RESPONSES}: kept forever, like the lifecycle it completes. */
    public static final Topic<String, ResponseEvent> REFERRALS_RESPONSES_TOPIC = new Topic<>(
            REFERRALS_RESPONSES,
            String.class,
            ResponseEvent.class,
            REFERRAL_PARTITIONS,
            Topic.CleanupPolicy.DELETE,
            null);
    /** {@value #DEADLINES_BREACHES}: kept forever (dashboard history is rebuilt from it). */
    public static final Topic<String, DeadlineBreached> DEADLINES_BREACHES_TOPIC = new Topic<>(
            DEADLINES_BREACHES,
            String.class,
            DeadlineBreached.class,
            REFERRAL_PARTITIONS,
            Topic.CleanupPolicy.DELETE,
            null);
    /** {@value #DIRECTORY_DESKS}: compacted table of desk profiles. */
    public static final Topic<String, DeskProfile> DIRECTORY_DESKS_TOPIC = new Topic<>(
            DIRECTORY_DESKS, String.class, DeskProfile.class, DIRECTORY_PARTITIONS, Topic.CleanupPolicy.COMPACT, null);
    /** {@value #DIRECTORY_AGREEMENTS}: compacted table of cooperation agreements. */
    public static final Topic<String, CooperationAgreement> DIRECTORY_AGREEMENTS_TOPIC = new Topic<>(
            DIRECTORY_AGREEMENTS,
            String.class,
            CooperationAgreement.class,
            DIRECTORY_PARTITIONS,
            Topic.CleanupPolicy.COMPACT,
            null);
    /** {@value #AUDIT}: kept forever; archiving the audit trail is an operator's decision, never Kafka's. */
    public static final Topic<String, AuditEvent> AUDIT_TOPIC =
            new Topic<>(AUDIT, String.class, AuditEvent.class, REFERRAL_PARTITIONS, Topic.CleanupPolicy.DELETE, null);
    /**
     * {@value #NOTIFICATIONS_SUBSCRIPTIONS}: compacted table of webhook subscriptions, so every instance of
     * the notifications service and every restart sees the same set. Only that service reads it (it holds
     * sealed signing secrets); one partition keeps a desk's creates and deletes in order.
     */
    public static final Topic<String, WebhookSubscription> NOTIFICATIONS_SUBSCRIPTIONS_TOPIC = new Topic<>(
            NOTIFICATIONS_SUBSCRIPTIONS,
            String.class,
            WebhookSubscription.class,
            DIRECTORY_PARTITIONS,
            Topic.CleanupPolicy.COMPACT,
            null);
    /**
     * {@value #SCHEMAS}: the registry's store. Keys and values are the registry's JSON documents, not
     * Avro; the registry creates and owns it.
     */
    public static final Topic<String, String> SCHEMAS_TOPIC =
            new Topic<>(SCHEMAS, String.class, String.class, 1, Topic.CleanupPolicy.COMPACT, null);

    private static final List<Topic<String, ?>> EVENT_TOPICS = List.of(
            REFERRALS_LIFECYCLE_TOPIC,
            REFERRALS_RESPONSES_TOPIC,
            DEADLINES_BREACHES_TOPIC,
            DIRECTORY_DESKS_TOPIC,
            DIRECTORY_AGREEMENTS_TOPIC,
            AUDIT_TOPIC,
            NOTIFICATIONS_SUBSCRIPTIONS_TOPIC);

    private static final List<Topic<String, ?>> ALL = List.of(
            REFERRALS_LIFECYCLE_TOPIC,
            REFERRALS_RESPONSES_TOPIC,
            DEADLINES_BREACHES_TOPIC,
            DIRECTORY_DESKS_TOPIC,
            DIRECTORY_AGREEMENTS_TOPIC,
            AUDIT_TOPIC,
            NOTIFICATIONS_SUBSCRIPTIONS_TOPIC,
            SCHEMAS_TOPIC);

    // Who writes and reads each topic: the source of the Kafka ACLs (libs/access computes them from this table,
    // and its test fails when a catalogue topic has no entry here). The four services that serve desks write audit
    // events about what they did for whom; the registry keeps no audit trail of its own.
    private static final Set<Party> AUDITED_SERVICES =
            Set.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD);
    private static final Map<String, TopicAccess> ACCESS = Map.of(
            // intake accepts submissions; routing records its routing decisions (ReferralRouted) in the same stream.
            REFERRALS_LIFECYCLE,
                    TopicAccess.of(
                            Set.of(Party.INTAKE, Party.ROUTING),
                            Set.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD)),
            // intake records acknowledgements and action reports; notifications records deliveries.
            REFERRALS_RESPONSES,
                    TopicAccess.of(
                            Set.of(Party.INTAKE, Party.NOTIFICATIONS),
                            Set.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD)),
            // notifications reads back the breaches it published, so that a restart does not report one twice.
            DEADLINES_BREACHES,
                    TopicAccess.of(
                            Set.of(Party.NOTIFICATIONS), Set.of(Party.INTAKE, Party.NOTIFICATIONS, Party.DASHBOARD)),
            DIRECTORY_DESKS,
                    TopicAccess.of(
                            Set.of(Party.ROUTING),
                            Set.of(Party.INTAKE, Party.ROUTING, Party.NOTIFICATIONS, Party.DASHBOARD)),
            DIRECTORY_AGREEMENTS, TopicAccess.of(Set.of(Party.ROUTING), Set.of(Party.ROUTING, Party.DASHBOARD)),
            // Read by auditors only: not even the dashboard sees who did what.
            AUDIT, TopicAccess.of(AUDITED_SERVICES, Set.of(Party.AUDITOR)),
            // Holds sealed webhook secrets: notifications alone.
            NOTIFICATIONS_SUBSCRIPTIONS, TopicAccess.of(Set.of(Party.NOTIFICATIONS), Set.of(Party.NOTIFICATIONS)),
            SCHEMAS, TopicAccess.of(Set.of(Party.SCHEMA_REGISTRY), Set.of(Party.SCHEMA_REGISTRY)));
    // A desk writes its own outbox (intake's HTTP gateway writes it on the desk's behalf) and reads its own inbox.
    private static final TopicAccess OUTBOX_ACCESS =
            TopicAccess.of(Set.of(Party.OWNING_DESK, Party.INTAKE), Set.of(Party.INTAKE));
    // Routing writes alerts, intake receipts, notifications deadline notices; notifications delivers them.
    private static final TopicAccess INBOX_ACCESS = TopicAccess.of(
            Set.of(Party.ROUTING, Party.INTAKE, Party.NOTIFICATIONS), Set.of(Party.OWNING_DESK, Party.NOTIFICATIONS));

    private static final Pattern OUTBOX = Pattern.compile(DESK_OUTBOX_PATTERN);
    private static final Pattern INBOX = Pattern.compile(DESK_INBOX_PATTERN);

    private Topics() {}

    /** Every fixed (not per-desk) topic, including the registry's {@value #SCHEMAS}. */
    public static List<Topic<String, ?>> all() {
        return ALL;
    }

    /** The fixed topics carrying Avro events (all but {@value #SCHEMAS}). */
    public static List<Topic<String, ?>> events() {
        return EVENT_TOPICS;
    }

    /**
     * The outbox of desk {@code deskId}, {@code desk.<DESK>.outbox.v1}: what that desk sends. Key:
     * referral id (the desk reference for a new submission).
     *
     * @throws IllegalArgumentException if {@code deskId} is not a valid desk id
     */
    public static Topic<String, OutboxMessage> deskOutbox(String deskId) {
        return new Topic<>(
                deskOutboxName(deskId),
                String.class,
                OutboxMessage.class,
                DESK_PARTITIONS,
                Topic.CleanupPolicy.DELETE,
                OUTBOX_RETENTION);
    }

    /**
     * The inbox of desk {@code deskId}, {@code desk.<DESK>.inbox.v1}: what Crossdesk sends that desk.
     * Key: referral id.
     *
     * @throws IllegalArgumentException if {@code deskId} is not a valid desk id
     */
    public static Topic<String, InboxMessage> deskInbox(String deskId) {
        return new Topic<>(
                deskInboxName(deskId),
                String.class,
                InboxMessage.class,
                DESK_PARTITIONS,
                Topic.CleanupPolicy.DELETE,
                INBOX_RETENTION);
    }

    /**
     * The catalogue topic called {@code name}: a fixed topic, or a desk's outbox or inbox; empty for any other name,
     * a dead-letter topic's included.
     */
    public static Optional<Topic<String, ?>> byName(String name) {
        if (isDeskOutbox(name)) {
            return Optional.of(deskOutbox(deskIdOf(name)));
        }
        if (isDeskInbox(name)) {
            return Optional.of(deskInbox(deskIdOf(name)));
        }
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** Name of desk {@code deskId}'s outbox topic. */
    public static String deskOutboxName(String deskId) {
        return DESK_TOPIC_PREFIX + DeskId.requireValid(deskId) + OUTBOX_SUFFIX;
    }

    /** Name of desk {@code deskId}'s inbox topic. */
    public static String deskInboxName(String deskId) {
        return DESK_TOPIC_PREFIX + DeskId.requireValid(deskId) + INBOX_SUFFIX;
    }

    /** Whether {@code topicName} is a desk outbox topic (not its dead-letter topic). */
    public static boolean isDeskOutbox(String topicName) {
        return topicName != null && OUTBOX.matcher(topicName).matches();
    }

    /** Whether {@code topicName} is a desk inbox topic (not its dead-letter topic). */
    public static boolean isDeskInbox(String topicName) {
        return topicName != null && INBOX.matcher(topicName).matches();
    }

    /**
     * The desk id of a desk outbox or inbox topic: {@code desk.FR-OCRTIS.outbox.v1} gives {@code FR-OCRTIS}.
     * The writer of an outbox record is this desk, whatever the record claims.
     *
     * @throws IllegalArgumentException if {@code topicName} is not a desk outbox or inbox topic
     */
    public static String deskIdOf(String topicName) {
        if (topicName != null) {
            for (Pattern pattern : List.of(OUTBOX, INBOX)) {
                Matcher matcher = pattern.matcher(topicName);
                if (matcher.matches()) {
                    return DeskId.requireValid(matcher.group(1));
                }
            }
        }
        throw new IllegalArgumentException("'" + topicName + "' is not a desk topic: expected desk.<CC-AGENCY>"
                + OUTBOX_SUFFIX + " or desk.<CC-AGENCY>" + INBOX_SUFFIX);
    }

    /**
     * Who writes and reads {@code topic}: a fixed topic of the catalogue or a desk's outbox or inbox. A per-desk
     * topic's {@link Party#OWNING_DESK} is the desk named in the topic, never another.
     *
     * @throws IllegalArgumentException for a topic that is not in the catalogue (nobody may use it)
     */
    public static TopicAccess access(String topicName) {
        TopicAccess fixed = ACCESS.get(topicName);
        if (fixed != null) {
            return fixed;
        }
        if (isDeskOutbox(topicName)) {
            return OUTBOX_ACCESS;
        }
        if (isDeskInbox(topicName)) {
            return INBOX_ACCESS;
        }
        throw new IllegalArgumentException("'" + topicName + "' is not a catalogue topic: nobody has access to it");
    }
}
