package org.crossdesk.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.crossdesk.access.CatalogueTopics;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates topics from the catalogue, never from names written elsewhere: every fixed topic with
 * its dead-letter topic at start-up, and a desk's outbox and inbox when the desk is registered.
 * Creating an existing topic is a no-op, so every service may provision at start.
 */
public class TopicProvisioner {

    private final KafkaAdmin admin;
    private final short replicationFactor;
    private final Set<String> provisioned = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(KafkaAdmin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates (if missing) the outbox and inbox of a desk and their dead-letter topics, once per desk and process:
     * a service calls this before it writes to a desk's topic (a write to a missing topic would wait for metadata,
     * or let the broker auto-create it with the wrong partition count), and creating existing topics is a no-op,
     * but not a free one.
     */
    public void ensureDeskTopics(String deskId) {
        if (provisioned.contains(deskId)) {
            return;
        }
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : List.of(Topics.deskOutbox(deskId), Topics.deskInbox(deskId))) {
            topics.add(newTopic(topic, replicationFactor));
            topics.add(deadLetterTopic(topic, replicationFactor));
        }
        try {
            admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
        } catch (RuntimeException e) { // Spring's KafkaException, not Kafka's
            // On a cluster with ACLs, desks' topics are made by routing's desk issuer before the desk enters the
            // directory (docs/security.md); services may not create them, and need not.
            if (!(rootCause(e) instanceof TopicAuthorizationException)) {
                throw e;
            }
        }
        provisioned.add(deskId);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static KafkaAdmin.NewTopics catalogueTopics(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            if (topic.name().equals(Topics.SCHEMAS)) {
                continue; // owned and verified by the schema registry itself
            }
            topics.add(newTopic(topic, replicationFactor));
            topics.add(deadLetterTopic(topic, replicationFactor));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    static NewTopic newTopic(Topic<?, ?> topic, short replicationFactor) {
        return CatalogueTopics.newTopic(topic, replicationFactor);
    }

    static NewTopic deadLetterTopic(Topic<?, ?> topic, short replicationFactor) {
        return newTopic(topic.deadLetter(), replicationFactor);
    }
}
