package org.crossdesk.schemaregistry.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the store topic exists as Confluent requires it (docs/design/schema-registry-api.md §5): exactly one partition, so there
 * is one global order, and {@code cleanup.policy=compact}, so the latest value per key survives.
 * A topic that breaks either rule is refused rather than "fixed": its content might not be ours.
 */
final class StoreTopic {

    private static final Logger log = LoggerFactory.getLogger(StoreTopic.class);

    private StoreTopic() {}

    static void ensure(Admin admin, String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<TopicDescription> description = describe(admin, topic, remaining(deadline));
        if (description.isEmpty()) {
            create(admin, topic, remaining(deadline));
            // A new topic's metadata reaches the broker a moment after creation is acknowledged.
            while (description.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                description = describe(admin, topic, remaining(deadline));
            }
        }
        int partitions = description
                .orElseThrow(() -> new IllegalStateException("Store topic " + topic + " could not be created"))
                .partitions()
                .size();
        if (partitions != 1) {
            throw new IllegalStateException("Store topic " + topic + " has " + partitions
                    + " partitions; the schema registry needs exactly 1 for a global order of its records");
        }
        String policy = cleanupPolicy(admin, topic, remaining(deadline));
        if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new IllegalStateException("Store topic " + topic + " has cleanup.policy=" + policy
                    + "; the schema registry needs cleanup.policy=compact");
        }
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic, long timeoutMs)
            throws InterruptedException {
        try {
            Map<String, TopicDescription> all =
                    admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMs, TimeUnit.MILLISECONDS);
            return Optional.ofNullable(all.get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("Cannot describe store topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within the init timeout", e);
        }
    }

    private static void create(Admin admin, String topic, long timeoutMs) throws InterruptedException {
        try {
            int brokers = admin.describeCluster()
                    .nodes()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .size();
            short replicationFactor = (short) Math.max(1, Math.min(3, brokers));
            if (replicationFactor < 3) {
                log.warn(
                        "Creating store topic {} with replication factor {} (fewer than 3 brokers)",
                        topic,
                        replicationFactor);
            }
            NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(Set.of(newTopic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            log.info("Created store topic {} (1 partition, compacted)", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create store topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within the init timeout", e);
        }
    }

    private static String cleanupPolicy(Admin admin, String topic, long timeoutMs) throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource))
                    .all()
                    .get(timeoutMs, TimeUnit.MILLISECONDS)
                    .get(resource);
            return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the configuration of store topic " + topic, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within the init timeout", e);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
