package org.crossdesk.platform.kafka;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crossdesk.access.CatalogueTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Kafka and the schema registry are. Bound from {@code crossdesk.kafka.*}, so a container is
 * configured by environment alone ({@code CROSSDESK_KAFKA_BOOTSTRAP_SERVERS},
 * {@code CROSSDESK_KAFKA_SCHEMA_REGISTRY_URL}, ...).
 */
@ConfigurationProperties("crossdesk.kafka")
public class CrossdeskKafkaProperties {

    /** Comma-separated broker addresses. */
    private String bootstrapServers = "localhost:9092";

    /** Comma-separated schema registry base URLs (ours or Confluent's; a path prefix is allowed). */
    private String schemaRegistryUrl = "http://localhost:8081";

    /**
     * Replication factor for topics this service creates; by default (-1) the cluster's
     * {@code default.replication.factor}, so that the cluster's operator sets durability once for every topic
     * (docs/decisions/0013).
     */
    private short replicationFactor = CatalogueTopics.CLUSTER_DEFAULT_REPLICATION;

    /**
     * Set to make the service's producer transactional (exactly-once read-process-write);
     * unset means a plain idempotent producer.
     */
    private String transactionalIdPrefix;

    /**
     * This instance's name among the service's instances, unique and stable across its restarts (a StatefulSet's pod
     * name, a compose container's, the launcher's {@code <service>-<n>}); part of its transactional ids, so that
     * instances never fence each other and a restarted instance fences its own zombie. Unset: the host name.
     */
    private String instanceId;

    /** Extra client settings passed to every producer, consumer and admin client (e.g. SASL). */
    private Map<String, String> properties = new LinkedHashMap<>();

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public String getSchemaRegistryUrl() {
        return schemaRegistryUrl;
    }

    public void setSchemaRegistryUrl(String schemaRegistryUrl) {
        this.schemaRegistryUrl = schemaRegistryUrl;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    public void setTransactionalIdPrefix(String transactionalIdPrefix) {
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    /**
     * The transactional id prefix of this instance: the configured prefix and the instance id (or the host name), e.g.
     * {@code routing-tx-routing-2-}; Spring numbers the producers after it. Null when transactions are off.
     */
    public String instanceTransactionalIdPrefix() {
        if (transactionalIdPrefix == null || transactionalIdPrefix.isBlank()) {
            return null;
        }
        String instance = instanceId == null || instanceId.isBlank() ? hostName() : instanceId.strip();
        return transactionalIdPrefix + instance.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // Without a host name, one instance per machine is all that can be told apart anyway.
            return "localhost";
        }
    }

    public Map<String, String> getProperties() {
        return properties;
    }

    public void setProperties(Map<String, String> properties) {
        this.properties = properties;
    }

    public KafkaClientSettings toSettings() {
        return new KafkaClientSettings(bootstrapServers, schemaRegistryUrl, Map.copyOf(properties));
    }
}
