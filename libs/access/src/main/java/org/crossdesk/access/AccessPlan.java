package org.crossdesk.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.crossdesk.events.DeskId;
import org.crossdesk.events.Party;
import org.crossdesk.events.Topic;
import org.crossdesk.events.TopicAccess;
import org.crossdesk.events.Topics;

/**
 * Crossdesk's Kafka ACLs, computed from the catalogue's {@link Topics#access} table rather than listed by hand.
 * The broker denies everything no ACL allows ({@code allow.everyone.if.no.acl.found=false}), so this is the
 * whole of what each principal may do:
 *
 * <ul>
 *   <li>a writer of a topic: WRITE and DESCRIBE on it;</li>
 *   <li>a reader: READ and DESCRIBE, and WRITE on its dead-letter topic (its error handler puts there what it
 *       can never process);</li>
 *   <li>every service: DESCRIBE (metadata only, never records) on every catalogue topic it may provision, so
 *       that checking that a topic exists does not fail; READ on consumer groups and WRITE on transactional
 *       ids that start with its own name ({@code routing-}, ...);</li>
 *   <li>desk X: WRITE on its outbox, READ on its inbox, groups and transactional ids prefixed {@code desk.X.},
 *       and nothing else;</li>
 *   <li>the auditor: READ on {@code audit.v1} only;</li>
 *   <li>the desk issuer ({@link Principals#DESK_ISSUER}): the cluster rights to manage credentials and ACLs, and
 *       CREATE on desk topics.</li>
 * </ul>
 */
public final class AccessPlan {

    // Kafka's only cluster resource name.
    private static final String CLUSTER = "kafka-cluster";

    private AccessPlan() {}

    /** The ACLs of a service or the auditor over the fixed topics (per-desk topics: {@link #forDesk}). */
    public static List<AclBinding> forParty(Party party) {
        if (party == Party.OWNING_DESK) {
            throw new IllegalArgumentException("a desk's ACLs depend on its id: use forDesk(deskId)");
        }
        Set<AclBinding> acls = new LinkedHashSet<>();
        String principal = Principals.user(Principals.of(party));
        for (Topic<String, ?> topic : Topics.all()) {
            TopicAccess access = Topics.access(topic.name());
            topicRights(acls, principal, party, topic.name(), access);
            if (party.isService() && !topic.name().equals(Topics.SCHEMAS)) {
                // Every service provisions the catalogue's topics at start (creating an existing topic is a no-op that
                // still describes it). DESCRIBE reveals a topic's partitions, never its records.
                add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic.name(), AclOperation.DESCRIBE);
                add(
                        acls,
                        principal,
                        ResourceType.TOPIC,
                        PatternType.LITERAL,
                        topic.deadLetterName(),
                        AclOperation.DESCRIBE);
            }
        }
        if (party == Party.SCHEMA_REGISTRY) {
            // The registry creates its own store topic and checks that it is compacted before trusting it.
            add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, Topics.SCHEMAS, AclOperation.CREATE);
            add(
                    acls,
                    principal,
                    ResourceType.TOPIC,
                    PatternType.LITERAL,
                    Topics.SCHEMAS,
                    AclOperation.DESCRIBE_CONFIGS);
        }
        if (party.isService()) {
            // Consumer groups are named after the service (intake, routing-restore, ...), transactional ids too
            // (routing-tx-...): a prefix per service, which no desk's prefix (desk.) can overlap.
            add(acls, principal, ResourceType.GROUP, PatternType.PREFIXED, party.id(), AclOperation.READ);
            add(
                    acls,
                    principal,
                    ResourceType.TRANSACTIONAL_ID,
                    PatternType.PREFIXED,
                    party.id() + "-",
                    AclOperation.WRITE);
            add(
                    acls,
                    principal,
                    ResourceType.TRANSACTIONAL_ID,
                    PatternType.PREFIXED,
                    party.id() + "-",
                    AclOperation.DESCRIBE);
        }
        return List.copyOf(acls);
    }

    /**
     * Everything that exists because desk {@code deskId} exists: the desk's own rights on its two topics, and each
     * service's rights on them. Granted when a desk enters the directory (whether or not it has a Kafka credential).
     */
    public static List<AclBinding> forDesk(String deskId) {
        Set<AclBinding> acls = new LinkedHashSet<>(forDeskPrincipal(deskId));
        for (Party party : Party.values()) {
            if (!party.isService()) {
                continue;
            }
            String principal = Principals.user(Principals.of(party));
            List<Topic<String, ?>> deskTopics = List.of(Topics.deskOutbox(deskId), Topics.deskInbox(deskId));
            boolean touches = false;
            for (Topic<String, ?> topic : deskTopics) {
                topicRights(acls, principal, party, topic.name(), Topics.access(topic.name()));
                touches |= Topics.access(topic.name()).parties().contains(party);
            }
            if (touches) {
                // A service that uses one of a desk's topics makes sure all four exist before it does (the platform's
                // TopicProvisioner), which describes them: metadata only.
                for (Topic<String, ?> topic : deskTopics) {
                    add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic.name(), AclOperation.DESCRIBE);
                    add(
                            acls,
                            principal,
                            ResourceType.TOPIC,
                            PatternType.LITERAL,
                            topic.deadLetterName(),
                            AclOperation.DESCRIBE);
                }
            }
        }
        return List.copyOf(acls);
    }

    /** The desk principal's own ACLs: its outbox, its inbox, its group and transactional-id prefix; nothing else. */
    public static List<AclBinding> forDeskPrincipal(String deskId) {
        Set<AclBinding> acls = new LinkedHashSet<>();
        String principal = Principals.user(Principals.desk(deskId));
        for (String topic : List.of(Topics.deskOutboxName(deskId), Topics.deskInboxName(deskId))) {
            topicRights(acls, principal, Party.OWNING_DESK, topic, Topics.access(topic));
        }
        String prefix = deskPrefix(deskId);
        add(acls, principal, ResourceType.GROUP, PatternType.PREFIXED, prefix, AclOperation.READ);
        add(acls, principal, ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, prefix, AclOperation.WRITE);
        add(acls, principal, ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, prefix, AclOperation.DESCRIBE);
        return List.copyOf(acls);
    }

    /**
     * The prefix of desk {@code deskId}'s consumer groups and transactional ids, {@code desk.X.}: the desk names
     * its groups {@code desk.X.case-system} and so on.
     */
    public static String deskPrefix(String deskId) {
        return Topics.DESK_TOPIC_PREFIX + DeskId.requireValid(deskId) + ".";
    }

    /** The desk issuer's rights: manage SCRAM credentials and ACLs, create desk topics. */
    public static List<AclBinding> forDeskIssuer() {
        Set<AclBinding> acls = new LinkedHashSet<>();
        String principal = Principals.user(Principals.DESK_ISSUER);
        // createAcls/deleteAcls need ALTER, describeAcls DESCRIBE, alterUserScramCredentials ALTER_CONFIGS.
        for (AclOperation operation : List.of(
                AclOperation.ALTER, AclOperation.DESCRIBE, AclOperation.ALTER_CONFIGS, AclOperation.DESCRIBE_CONFIGS)) {
            add(acls, principal, ResourceType.CLUSTER, PatternType.LITERAL, CLUSTER, operation);
        }
        add(acls, principal, ResourceType.TOPIC, PatternType.PREFIXED, Topics.DESK_TOPIC_PREFIX, AclOperation.CREATE);
        add(acls, principal, ResourceType.TOPIC, PatternType.PREFIXED, Topics.DESK_TOPIC_PREFIX, AclOperation.DESCRIBE);
        return List.copyOf(acls);
    }

    /** The fixed principals' ACLs: every service, the auditor and the desk issuer (not the desks). */
    public static List<AclBinding> fixed() {
        List<AclBinding> acls = new ArrayList<>();
        for (Party party : Party.values()) {
            if (party != Party.OWNING_DESK) {
                acls.addAll(forParty(party));
            }
        }
        acls.addAll(forDeskIssuer());
        return List.copyOf(acls);
    }

    /** The whole ACL set of a cluster with these desks. */
    public static List<AclBinding> all(Collection<String> deskIds) {
        List<AclBinding> acls = new ArrayList<>(fixed());
        deskIds.forEach(desk -> acls.addAll(forDesk(desk)));
        return List.copyOf(acls);
    }

    private static void topicRights(
            Set<AclBinding> acls, String principal, Party party, String topic, TopicAccess access) {
        if (access.writers().contains(party)) {
            add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic, AclOperation.WRITE);
            add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic, AclOperation.DESCRIBE);
        }
        if (access.readers().contains(party)) {
            add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic, AclOperation.READ);
            add(acls, principal, ResourceType.TOPIC, PatternType.LITERAL, topic, AclOperation.DESCRIBE);
            if (party != Party.OWNING_DESK && party != Party.AUDITOR) {
                // The reader's error handler dead-letters what it can never process, on the source's partition.
                add(
                        acls,
                        principal,
                        ResourceType.TOPIC,
                        PatternType.LITERAL,
                        topic + Topics.DEAD_LETTER_SUFFIX,
                        AclOperation.WRITE);
            }
        }
    }

    private static void add(
            Set<AclBinding> acls,
            String principal,
            ResourceType type,
            PatternType pattern,
            String name,
            AclOperation operation) {
        acls.add(new AclBinding(
                new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
    }
}
