package org.crossdesk.access;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.crossdesk.events.Topic;
import org.crossdesk.events.Topics;

/**
 * The catalogue's topics as Kafka creates them: each with its partitions and configs, and its dead-letter topic.
 * The one recipe for topic creation, whoever creates them (the launcher's bootstrap, a service at start, the desk
 * issuer).
 */
public final class CatalogueTopics {

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

    /** One topic with its catalogue partitions and configs. */
    public static NewTopic newTopic(Topic<?, ?> topic, short replicationFactor) {
        return new NewTopic(topic.name(), topic.partitions(), replicationFactor).configs(topic.configs());
    }
}
