package org.crossdesk.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;

/**
 * The catalogue's topics as Kafka creates them: each with its partitions and configs, and its dead-letter topic.
 * The one recipe for topic creation, whoever creates them (the launcher's bootstrap, a service at start, the desk
 * issuer).
 */
public final class CatalogueTopics {

    /**
     * The replication factor that means "the cluster's {@code default.replication.factor}" (Kafka's own -1, KIP-464):
     * the services' default, so that durability is the cluster's to set, once, for every topic (decision 0013).
     */
    public static final short CLUSTER_DEFAULT_REPLICATION = -1;

    private CatalogueTopics() {}

    /** Every fixed topic and its dead-letter topic, except the registry's store, which the registry creates itself. */
    public static List<NewTopic> fixed(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.all()) {
            if (!topic.name().equals(Topics.SCHEMAS)) {
                topics.add(newTopic(topic, replicationFactor));
                topics.add(newTopic(topic.deadLetter(), replicationFactor));
            }
        }
        return topics;
    }

    /** A desk's outbox and inbox and their dead-letter topics. */
    public static List<NewTopic> desk(String deskId, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : List.of(Topics.deskOutbox(deskId), Topics.deskInbox(deskId))) {
            topics.add(newTopic(topic, replicationFactor));
            topics.add(newTopic(topic.deadLetter(), replicationFactor));
        }
        return topics;
    }

    /**
     * One topic with its catalogue partitions and configs, and {@code replicationFactor} replicas, or the cluster's
     * default number ({@link #CLUSTER_DEFAULT_REPLICATION}).
     */
    public static NewTopic newTopic(Topic<?, ?> topic, short replicationFactor) {
        Optional<Short> replicas =
                replicationFactor == CLUSTER_DEFAULT_REPLICATION ? Optional.empty() : Optional.of(replicationFactor);
        return new NewTopic(topic.name(), Optional.of(topic.partitions()), replicas).configs(topic.configs());
    }
}
